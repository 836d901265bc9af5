/** Demultiplexing the engine's log stream (non-TTY: 8-byte frame headers) and capping what is kept. */

export interface Demuxed {
  stdout: Buffer;
  stderr: Buffer;
}

/** Splits a multiplexed log buffer into stdout and stderr; an unframed buffer is all stdout. */
export function demuxLogs(buf: Buffer): Demuxed {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  let off = 0;
  const framed = buf.length >= 8 && (buf[0] === 1 || buf[0] === 2 || buf[0] === 0) && buf[1] === 0 && buf[2] === 0 && buf[3] === 0;
  if (!framed) return { stdout: buf, stderr: Buffer.alloc(0) };
  while (off + 8 <= buf.length) {
    const type = buf[off];
    const size = buf.readUInt32BE(off + 4);
    const chunk = buf.subarray(off + 8, off + 8 + size);
    (type === 2 ? err : out).push(chunk);
    off += 8 + size;
  }
  return { stdout: Buffer.concat(out), stderr: Buffer.concat(err) };
}

/** The last `limit` bytes as text, and whether anything was cut. */
export function capTail(buf: Buffer, limit: number): { text: string; truncated: boolean } {
  if (buf.length <= limit) return { text: buf.toString('utf8'), truncated: false };
  return { text: buf.subarray(buf.length - limit).toString('utf8'), truncated: true };
}
