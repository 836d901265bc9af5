import { base64ToBytes } from '../raw/bytes';

/** Saves bytes under a file name through a Blob and an <a download> (works in the window and the browser). */
export function saveFile(fileName: string, mime: string, content: string | Uint8Array): void {
  const blob = new Blob([content as BlobPart], { type: mime || 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A base64 payload (reports.pdf) saved as a file. */
export function saveBase64(fileName: string, mime: string, base64: string): void {
  saveFile(fileName, mime, base64ToBytes(base64));
}
