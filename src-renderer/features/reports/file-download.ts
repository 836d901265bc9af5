import { saveFile } from '../../components/save-file';
import { base64ToBytes } from '../raw/bytes';

/** A base64 payload (reports.pdf) saved as a file. */
export function saveBase64(fileName: string, mime: string, base64: string): void {
  saveFile(fileName, mime, base64ToBytes(base64));
}
