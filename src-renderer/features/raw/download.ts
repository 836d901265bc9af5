import { api } from '../../api/client';
import { saveFile } from '../../components/save-file';
import { base64ToBytes } from './bytes';

/** raw.get answers at most this much in one call */
export const MAX_DOWNLOAD_BYTES = 10 * 1024 * 1024;

/** Fetches a raw file (up to 10 MiB) as base64 and saves it under its file name through a Blob. */
export async function downloadRaw(org: string, id: string): Promise<{ truncated: boolean; fileName: string }> {
  const res = await api().call('raw.get', { org, id, as: 'base64', maxBytes: MAX_DOWNLOAD_BYTES });
  const fileName = res.file.fileName ?? `${res.file.id}.bin`;
  saveFile(fileName, res.file.mimeTypes.find((m) => !m.startsWith('boefje/')) ?? 'application/octet-stream', base64ToBytes(res.content));
  return { truncated: res.truncated, fileName };
}
