/**
 * Saving bytes as a file from the renderer: a Blob behind a temporary object URL and an
 * <a download>, which works the same in the Electron window and in a browser on the headless host.
 */

/** Saves `blob` under `fileName` (the object URL is revoked after the download started). */
export function saveBlob(blob: Blob, fileName: string): void {
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

/** Saves text or bytes of type `mime` (octet-stream when empty) under `fileName`. */
export function saveFile(fileName: string, mime: string, content: string | Uint8Array): void {
  saveBlob(new Blob([content as BlobPart], { type: mime || 'application/octet-stream' }), fileName);
}
