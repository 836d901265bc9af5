/** The pure parts of the container I/O: tar packing/unpacking, log demultiplexing, the mirror lookup, the container spec. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { debianMirror } from '../../../src-main/runner/base-image';
import { containerSpec } from '../../../src-main/runner/container';
import { capTail, demuxLogs } from '../../../src-main/runner/streams';
import { packTar, unpackTar } from '../../../src-main/runner/tar';

describe('tar', () => {
  it('round-trips files, including names longer than 100 bytes', () => {
    const long = `${'d'.repeat(80)}/${'f'.repeat(60)}.json`;
    const tar = packTar([
      { name: 'in/', data: Buffer.alloc(0) },
      { name: 'in/input.json', data: Buffer.from('{"a":1}') },
      { name: long, data: Buffer.alloc(1500, 7) },
      { name: 'empty', data: Buffer.alloc(0) },
    ]);
    expect(tar.length % 512).toBe(0);
    const files = unpackTar(tar);
    expect(files.map((f) => f.name)).toEqual(['in/input.json', long, 'empty']);
    expect(files[0]!.data.toString()).toBe('{"a":1}');
    expect(files[1]!.data.equals(Buffer.alloc(1500, 7))).toBe(true);
    expect(files[2]!.data.length).toBe(0);
  });

  it('rejects a truncated archive', () => {
    const tar = packTar([{ name: 'x', data: Buffer.alloc(2000, 1) }]);
    expect(() => unpackTar(tar.subarray(0, 1024))).toThrow(/truncated/);
  });
});

describe('log streams', () => {
  const frame = (type: number, text: string) => {
    const body = Buffer.from(text);
    const h = Buffer.alloc(8);
    h[0] = type;
    h.writeUInt32BE(body.length, 4);
    return Buffer.concat([h, body]);
  };

  it('splits multiplexed stdout and stderr', () => {
    const d = demuxLogs(Buffer.concat([frame(1, 'out1\n'), frame(2, 'err\n'), frame(1, 'out2\n')]));
    expect(d.stdout.toString()).toBe('out1\nout2\n');
    expect(d.stderr.toString()).toBe('err\n');
  });

  it('keeps the tail when capping', () => {
    expect(capTail(Buffer.from('abcdef'), 3)).toEqual({ text: 'def', truncated: true });
    expect(capTail(Buffer.from('abc'), 3)).toEqual({ text: 'abc', truncated: false });
  });
});

describe('debianMirror', () => {
  it('reads the first non-security URIs line, then sources.list, then falls back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kat-mirror-'));
    const sources = join(dir, 'debian.sources');
    const list = join(dir, 'sources.list');
    writeFileSync(sources, 'Types: deb\nURIs: http://mirror.example/debian-security\n\nTypes: deb\nURIs: http://mirror.example/debian/\nSuites: bookworm\n');
    expect(debianMirror({ sources, list })).toBe('http://mirror.example/debian');
    writeFileSync(list, 'deb [arch=amd64] http://other.example/debian bookworm main\n');
    expect(debianMirror({ sources: join(dir, 'missing'), list })).toBe('http://other.example/debian');
    expect(debianMirror({ sources: join(dir, 'missing'), list: join(dir, 'missing') })).toBe('http://deb.debian.org/debian');
  });
});

describe('containerSpec', () => {
  it('locks the container down by default', () => {
    const spec = containerSpec({ image: 'x' }, ['true'], 'M');
    expect(spec.User).toBe('65534:65534');
    expect(spec.HostConfig).toMatchObject({
      Privileged: false,
      CapDrop: ['ALL'],
      CapAdd: [],
      ReadonlyRootfs: true,
      SecurityOpt: ['no-new-privileges'],
      Memory: 512 * 1024 * 1024,
      MemorySwap: 512 * 1024 * 1024,
      NanoCpus: 1e9,
      PidsLimit: 128,
      NetworkMode: 'host',
    });
    expect(spec.Entrypoint).toEqual(['/bin/sh', '-c', expect.stringContaining('"$@"'), 'M']);
    expect(spec.Cmd).toEqual(['true']);
  });
});
