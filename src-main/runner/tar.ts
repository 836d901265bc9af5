/**
 * A minimal tar writer and reader for the container I/O: the input files placed with putArchive and
 * the output directory read back with getArchive. Regular files and directories only; long names
 * through PAX ('x') and GNU ('L') headers are understood when reading.
 */
export interface TarEntry {
  name: string;
  data: Buffer;
  /** octal permission bits, default 0o644 */
  mode?: number;
}

const BLOCK = 512;

function octal(n: number, width: number): string {
  return n.toString(8).padStart(width - 1, '0') + '\0';
}

function header(name: string, size: number, mode: number, type: '0' | '5' | 'x', uid = 0, gid = 0): Buffer {
  const h = Buffer.alloc(BLOCK, 0);
  h.write(name.slice(0, 100), 0, 'utf8');
  h.write(octal(mode, 8), 100, 'ascii');
  h.write(octal(uid, 8), 108, 'ascii');
  h.write(octal(gid, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(Math.floor(Date.now() / 1000), 12), 136, 'ascii');
  h.write('        ', 148, 'ascii'); // checksum placeholder
  h.write(type, 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'ascii');
  return h;
}

function pad(size: number): Buffer {
  const rest = size % BLOCK;
  return Buffer.alloc(rest === 0 ? 0 : BLOCK - rest, 0);
}

function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let len = Buffer.byteLength(body) + 1;
  while (String(len).length + Buffer.byteLength(body) !== len) len = String(len).length + Buffer.byteLength(body);
  return `${len}${body}`;
}

/** Packs entries into one tar buffer owned by uid/gid; a name ending in '/' is a directory. */
export function packTar(entries: readonly TarEntry[], owner: { uid: number; gid: number } = { uid: 0, gid: 0 }): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    if (Buffer.byteLength(e.name) > 100) {
      const pax = Buffer.from(paxRecord('path', e.name), 'utf8');
      parts.push(header('PaxHeader', pax.length, 0o644, 'x'), pax, pad(pax.length));
    }
    if (e.name.endsWith('/')) parts.push(header(e.name, 0, e.mode ?? 0o755, '5', owner.uid, owner.gid));
    else parts.push(header(e.name, e.data.length, e.mode ?? 0o644, '0', owner.uid, owner.gid), e.data, pad(e.data.length));
  }
  parts.push(Buffer.alloc(BLOCK * 2, 0));
  return Buffer.concat(parts);
}

function cString(buf: Buffer, start: number, len: number): string {
  const slice = buf.subarray(start, start + len);
  const end = slice.indexOf(0);
  return slice.subarray(0, end === -1 ? slice.length : end).toString('utf8');
}

function parseOctal(buf: Buffer, start: number, len: number): number {
  const s = cString(buf, start, len).trim();
  return s === '' ? 0 : parseInt(s, 8);
}

function parsePax(data: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  while (i < data.length) {
    const sp = data.indexOf(0x20, i);
    if (sp === -1) break;
    const len = Number(data.subarray(i, sp).toString('ascii'));
    if (!Number.isFinite(len) || len <= 0) break;
    const rec = data.subarray(sp + 1, i + len - 1).toString('utf8');
    const eq = rec.indexOf('=');
    if (eq > 0) out[rec.slice(0, eq)] = rec.slice(eq + 1);
    i += len;
  }
  return out;
}

/** The regular files of a tar buffer, with names as stored (e.g. 'out/result.xml'). */
export function unpackTar(tar: Buffer): TarEntry[] {
  const files: TarEntry[] = [];
  let off = 0;
  let nextName: string | undefined;
  while (off + BLOCK <= tar.length) {
    const h = tar.subarray(off, off + BLOCK);
    if (h.every((b) => b === 0)) break;
    const size = parseOctal(h, 124, 12);
    const type = String.fromCharCode(h[156] || 0x30);
    const prefix = cString(h, 345, 155);
    const baseName = cString(h, 0, 100);
    const data = tar.subarray(off + BLOCK, off + BLOCK + size);
    if (data.length < size) throw new Error('truncated tar archive');
    off += BLOCK + size + pad(size).length;
    if (type === 'x') {
      nextName = parsePax(data).path ?? nextName;
      continue;
    }
    if (type === 'g') continue;
    if (type === 'L') {
      nextName = cString(data, 0, data.length);
      continue;
    }
    const name = nextName ?? (prefix ? `${prefix}/${baseName}` : baseName);
    nextName = undefined;
    if (type === '0' || type === '7') files.push({ name, data: Buffer.from(data), mode: parseOctal(h, 100, 8) });
  }
  return files;
}
