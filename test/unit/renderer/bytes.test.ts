/** Raw file helpers: base64 both ways, the hex dump, JSON detection. */
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, hexDump, prettyJson } from '../../../src-renderer/features/raw/bytes';

describe('raw bytes', () => {
  it('round-trips base64, also past one chunk', () => {
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256);
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('dumps 16 bytes a line with offset, hex groups and printable ASCII', () => {
    const { text, shownBytes } = hexDump(Uint8Array.from([0x4b, 0x41, 0x54, 0x00, 0x0a, ...Array(15).fill(0x41)]));
    expect(shownBytes).toBe(20);
    expect(text.split('\n')).toEqual([
      '00000000  4b 41 54 00 0a 41 41 41  41 41 41 41 41 41 41 41  |KAT..AAAAAAAAAAA|',
      '00000010  41 41 41 41                                       |AAAA|',
    ]);
  });

  it('stops at maxLines', () => {
    expect(hexDump(new Uint8Array(100), 2).shownBytes).toBe(32);
  });

  it('pretty-prints JSON and leaves anything else alone', () => {
    expect(prettyJson('{"a":[1]}', ['boefje/x'])).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(prettyJson('not json', ['application/json'])).toBeNull();
    expect(prettyJson('<xml/>', ['boefje/nmap'])).toBeNull();
  });
});
