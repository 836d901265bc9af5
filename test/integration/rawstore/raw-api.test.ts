import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KatEvent } from '../../../src-main/api/types';
import type { RawStoreConfig } from '../../../src-main/rawstore/config';
import { contentPath, sha256Hex } from '../../../src-main/rawstore/store';
import { testKat, type TestKat } from '../../helpers/kat';
import { tryStartS3 } from './backends';

const NMAP_XML = `<?xml version="1.0" encoding="UTF-8"?>
<nmaprun scanner="nmap" args="nmap -Pn -sT -p 22,80 -oX - 127.0.0.1" version="7.93">
<host><address addr="127.0.0.1" addrtype="ipv4"/><ports>
<port protocol="tcp" portid="80"><state state="open" reason="syn-ack"/><service name="http" method="table"/></port>
</ports></host></nmaprun>
`;
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

const localDir = mkdtempSync(join(tmpdir(), 'kat-raw-api-'));
const { s3, why } = await tryStartS3();
afterAll(async () => {
  await s3?.stop();
  rmSync(localDir, { recursive: true, force: true });
});

const backends: { name: string; config: () => RawStoreConfig; corrupt: (sha256: string) => Promise<void>; skip: string }[] = [
  {
    name: 'local folder',
    config: () => ({ kind: 'local', dir: localDir }),
    corrupt: async (sha) => writeFileSync(join(localDir, contentPath(sha)), 'tampered'),
    skip: '',
  },
  {
    name: 'S3 (s3rver)',
    config: () => ({ kind: 's3', ...s3!.config }),
    corrupt: (sha) => s3!.overwrite(`${s3!.config.prefix}${contentPath(sha)}`, Buffer.from('tampered')),
    skip: why,
  },
];

for (const backend of backends) {
  describe.skipIf(backend.skip !== '')(`raw files API on ${backend.name}${backend.skip ? ` — SKIPPED: ${backend.skip}` : ''}`, () => {
    let kat: TestKat;
    let events: KatEvent[];
    beforeEach(async () => {
      kat = await testKat({ rawStore: backend.config() });
      events = [];
      kat.subscribe((e) => void events.push(e));
    });
    afterEach(() => kat.close());

    it('uploads a file, records it, and emits raw.stored', async () => {
      const info = await kat.api('raw.upload', { org: 'acme', mimeTypes: ['boefje/nmap', 'boefje/nmap'], contentBase64: b64(NMAP_XML), fileName: 'scan.xml' });
      expect(info).toMatchObject({
        org: 'acme',
        sha256: sha256Hex(Buffer.from(NMAP_XML)),
        size: Buffer.byteLength(NMAP_XML),
        mimeTypes: ['boefje/nmap'],
        fileName: 'scan.xml',
        source: 'upload',
        taskId: null,
        inputPk: null,
        createdAt: '2026-03-01T10:00:00.000Z',
      });
      expect(events).toContainEqual({ topic: 'raw.stored', org: 'acme', rawId: info.id, mimeTypes: ['boefje/nmap'] });
      expect(await kat.raw.store.has(info.sha256)).toBe(true);
      const got = await kat.api('raw.get', { org: 'acme', id: info.id });
      expect(got).toMatchObject({ as: 'text', content: NMAP_XML, truncated: false, binary: false, file: { id: info.id } });
    });

    it('previews: truncated text, base64, and binary detection', async () => {
      const text = await kat.api('raw.upload', { org: 'acme', mimeTypes: ['text/plain'], contentBase64: b64('héllo wörld'), fileName: 'a.txt' });
      const cut = await kat.api('raw.get', { org: 'acme', id: text.id, maxBytes: 2 });
      expect(cut).toMatchObject({ truncated: true, binary: false });
      const bin = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 0xff]);
      const img = await kat.api('raw.upload', { org: 'acme', mimeTypes: ['image/png'], contentBase64: b64(bin), fileName: 'x.png' });
      const got = await kat.api('raw.get', { org: 'acme', id: img.id, as: 'base64' });
      expect(got).toMatchObject({ as: 'base64', truncated: false, binary: true });
      expect(Buffer.from(got.content, 'base64').equals(bin)).toBe(true);
    });

    it('lists by input object and by task, newest first', async () => {
      await kat.api('objects.declare', { org: 'acme', pk: 'IPAddressV4|internet|127.0.0.1' });
      const pk = 'IPAddressV4|internet|127.0.0.1';
      const first = await kat.api('raw.upload', { org: 'acme', inputPk: pk, mimeTypes: ['boefje/nmap'], contentBase64: b64(NMAP_XML), fileName: '1.xml' });
      kat.clock.advance(1000);
      const second = await kat.api('raw.upload', { org: 'acme', inputPk: pk, mimeTypes: ['boefje/nmap'], contentBase64: b64('<x/>'), fileName: '2.xml' });
      kat.clock.advance(1000);
      const fromTask = await kat.raw.save({
        org: 'acme',
        bytes: Buffer.from('dig output'),
        mimeTypes: ['boefje/dns-records'],
        source: 'boefje',
        taskId: 'task-1',
        pluginId: 'dns-records',
        inputPk: 'Hostname|internet|example.org',
        startedAt: new Date('2026-03-01T10:00:01Z'),
        endedAt: new Date('2026-03-01T10:00:02Z'),
      });
      expect((await kat.api('raw.list', { org: 'acme', inputPk: pk })).items.map((f) => f.id)).toEqual([second.id, first.id]);
      expect(await kat.api('raw.list', { org: 'acme', taskId: 'task-1' })).toMatchObject({
        total: 1,
        items: [{ id: fromTask.id, pluginId: 'dns-records', source: 'boefje', startedAt: '2026-03-01T10:00:01.000Z', endedAt: '2026-03-01T10:00:02.000Z' }],
      });
      const page = await kat.api('raw.list', { org: 'acme', limit: 2 });
      expect(page.total).toBe(3);
      expect(page.items.map((f) => f.id)).toEqual([fromTask.id, second.id]);
    });

    it('a corrupted stored file is reported by its hash', async () => {
      const info = await kat.api('raw.upload', { org: 'acme', mimeTypes: ['application/json'], contentBase64: b64('{"a":1}'), fileName: 'a.json' });
      await backend.corrupt(info.sha256);
      await expect(kat.api('raw.get', { org: 'acme', id: info.id })).rejects.toMatchObject({ code: 'RAW_CORRUPT', details: { sha256: info.sha256 } });
    });
  });
}

describe('raw files API: boundaries (memory store)', () => {
  let kat: TestKat;
  beforeEach(async () => {
    kat = await testKat();
  });
  afterEach(() => kat.close());

  it('uses the memory store for memory://', () => {
    expect(kat.raw.store.kind).toBe('memory');
  });

  it('validates the request and the input object', async () => {
    const base = { org: 'acme', mimeTypes: ['text/plain'], contentBase64: b64('x'), fileName: 'x.txt' };
    await expect(kat.api('raw.upload', { ...base, contentBase64: 'not base64!' })).rejects.toMatchObject({ code: 'BAD_REQUEST', details: { field: 'contentBase64' } });
    await expect(kat.api('raw.upload', { ...base, mimeTypes: ['nmap xml'] })).rejects.toMatchObject({ code: 'BAD_REQUEST', details: { field: 'mimeTypes.0' } });
    await expect(kat.api('raw.upload', { ...base, mimeTypes: [] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(kat.api('raw.upload', { ...base, inputPk: 'Hostname|internet|nowhere.example' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { field: 'inputPk' },
    });
    await expect(kat.api('raw.upload', { ...base, org: 'ghost' })).rejects.toMatchObject({ code: 'ORG_NOT_FOUND' });
  });

  it('files are private to their organisation and go with it', async () => {
    await kat.api('orgs.create', { code: 'other', name: 'Other' });
    const info = await kat.api('raw.upload', { org: 'acme', mimeTypes: ['text/plain'], contentBase64: b64('mine'), fileName: 'm.txt' });
    await expect(kat.api('raw.get', { org: 'other', id: info.id })).rejects.toMatchObject({ code: 'RAW_NOT_FOUND' });
    expect((await kat.api('raw.list', { org: 'other' })).total).toBe(0);
    await kat.api('orgs.delete', { code: 'acme', confirm: 'acme' });
    const left = await kat.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM raw_files`);
    expect(left.rows[0]!.n).toBe(0);
  });

  it('refuses files over 50 MiB', async () => {
    await expect(kat.raw.save({ org: 'acme', bytes: Buffer.alloc(50 * 1024 * 1024 + 1), mimeTypes: ['x/y'], source: 'boefje' })).rejects.toMatchObject({
      code: 'RAW_TOO_LARGE',
    });
  });
});
