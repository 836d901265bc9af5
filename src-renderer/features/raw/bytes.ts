/** Base64 and hex helpers for raw files. Pure. */

export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) bin += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(bin);
}

const hex2 = (n: number) => n.toString(16).padStart(2, '0');

/**
 * A classic hex dump: offset, 16 bytes in hex (two groups of 8), the printable ASCII. At most
 * `maxLines` lines (the rest is left to the download).
 */
export function hexDump(bytes: Uint8Array, maxLines = 4096): { text: string; shownBytes: number } {
  const lines: string[] = [];
  const end = Math.min(bytes.length, maxLines * 16);
  for (let off = 0; off < end; off += 16) {
    const row = bytes.subarray(off, Math.min(off + 16, end));
    let hex = '';
    let ascii = '';
    for (let i = 0; i < 16; i++) {
      if (i === 8) hex += ' ';
      if (i < row.length) {
        const b = row[i]!;
        hex += `${hex2(b)} `;
        ascii += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
      } else hex += '   ';
    }
    lines.push(`${off.toString(16).padStart(8, '0')}  ${hex} |${ascii}|`);
  }
  return { text: lines.join('\n'), shownBytes: end };
}

/** Pretty-printed JSON, or null when the text is not JSON. */
export function prettyJson(text: string, mimeTypes: readonly string[]): string | null {
  const t = text.trimStart();
  const looksJson = mimeTypes.some((m) => m.includes('json')) || t.startsWith('{') || t.startsWith('[');
  if (!looksJson) return null;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return null;
  }
}
