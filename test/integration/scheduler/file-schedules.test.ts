/**
 * Schedules that run on raw files (runOn 'file' + a mime type) on the real core with a fake clock
 * and a recording runtime: the default row reproduces "every enabled normalizer reads every new raw
 * file"; narrower rows choose normalizers and files; a recurrence re-reads the stored files (the
 * newest run per boefje and object) with normalizers that have not read them at their current
 * version; validation names the field.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src-main/common/errors';
import type { OutputFile } from '../../../src-main/runner/container';
import { testKat, type TestKat } from '../../helpers/kat';
import { RecordingRuntime } from '../tasks/recording-runtime';

let kat: TestKat | undefined;
afterEach(async () => {
  await kat?.close();
  kat = undefined;
});

const IP = 'IPAddressV4|internet|10.0.0.1';
const IP2 = 'IPAddressV4|internet|10.0.0.2';
const DAY = 24 * 3600_000;
const b64 = (s: string) => Buffer.from(s).toString('base64');

function nmapXml(address: string, port: number): string {
  return `<nmaprun><host><address addr="${address}" addrtype="ipv4"/><ports><port protocol="tcp" portid="${port}"><state state="open"/></port></ports></host><runstats><finished exit="success"/></runstats></nmaprun>`;
}

async function setup(opts: { defaults?: boolean } = {}) {
  let port = 80;
  const runtime = new RecordingRuntime(() => kat!.db, (_r, input) => ({
    files: (input.inputs ?? []).map<OutputFile>((i) => ({ name: `${i.task_id}/nmap.xml`, mimeTypes: ['boefje/nmap'], content: Buffer.from(nmapXml(String(i.input.address), port)) })),
  }));
  kat = await testKat({ engine: runtime, scheduler: { defaults: opts.defaults ?? true } });
  const k = kat;
  await k.api('orgs.clearance.acknowledge', { org: 'acme', maxLevel: 4, acknowledgedBy: 'test' });
  for (const pk of [IP, IP2]) await k.api('objects.declare', { org: 'acme', pk });
  return { k, runtime, setPort: (p: number) => (port = p) };
}

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

/** A raw file about IP (or about no object with inputPk null). */
const upload = (k: TestKat, mime: string, content: string, inputPk: string | null = IP) =>
  k.api('raw.upload', { org: 'acme', ...(inputPk ? { inputPk } : {}), mimeTypes: [mime], contentBase64: b64(content), fileName: 'f' });
const normalizerTasks = async (k: TestKat, rawId?: string) => (await k.api('tasks.list', { org: 'acme', kind: 'normalizer', rawId })).items;
const scheduleOf = async (k: TestKat, taskId: string) =>
  (await k.db.query<{ schedule_id: string | null }>(`SELECT schedule_id FROM tasks WHERE org = 'acme' AND id = $1`, [taskId])).rows[0]!.schedule_id;

describe('schedules on raw files: the trigger', () => {
  it('the default row has every enabled normalizer read every new raw file; disabled, nothing reads them', async () => {
    const { k } = await setup();
    const f = await upload(k, 'boefje/nmap', nmapXml('10.0.0.1', 22));
    await k.runner.idle();
    const [t] = await normalizerTasks(k, f.id);
    expect(t).toMatchObject({ pluginId: 'kat_nmap_normalizer', status: 'completed', reason: 'raw', priority: 5, inputPk: IP });
    expect(await scheduleOf(k, t!.id)).toBe('default-raw-files');
    // error files are never read
    await upload(k, 'error/boefje', 'boom');
    await k.runner.idle();
    expect(await normalizerTasks(k)).toHaveLength(1);

    await k.api('schedules.update', { org: 'acme', id: 'default-raw-files', enabled: false });
    const g = await upload(k, 'boefje/nmap', nmapXml('10.0.0.1', 23));
    await k.runner.idle();
    expect(await normalizerTasks(k, g.id)).toEqual([]);
  });

  it('an organisation without file schedules keeps the built-in rule (every enabled normalizer)', async () => {
    const { k } = await setup({ defaults: false });
    expect(await k.api('schedules.list', { org: 'acme' })).toEqual([]);
    const f = await upload(k, 'boefje/nmap', nmapXml('10.0.0.1', 22));
    await k.runner.idle();
    const [t] = await normalizerTasks(k, f.id);
    expect(t).toMatchObject({ pluginId: 'kat_nmap_normalizer', status: 'completed', reason: 'raw' });
    expect(await scheduleOf(k, t!.id)).toBeNull();
  });

  it('a narrower file schedule chooses the files (by mime type) and the normalizers (by the plugins filter)', async () => {
    const { k } = await setup();
    await k.api('schedules.update', { org: 'acme', id: 'default-raw-files', enabled: false });
    const s = await k.api('schedules.create', { org: 'acme', name: 'nmap only', runOn: 'file', mimeType: 'boefje/*', operations: ['created'], plugins: "consumes has 'boefje/nmap'" });
    expect(s).toMatchObject({ runOn: 'file', mimeType: 'boefje/*', operations: ['created'], recurrence: null, input: '', nextRunAt: null });
    const nmap = await upload(k, 'boefje/nmap', nmapXml('10.0.0.1', 22));
    const dns = await upload(k, 'boefje/dns-records', '{}', null);
    const text = await upload(k, 'text/plain', 'hello');
    await k.runner.idle();
    expect((await normalizerTasks(k, nmap.id)).map((t) => t.pluginId)).toEqual(['kat_nmap_normalizer']);
    expect(await scheduleOf(k, (await normalizerTasks(k, nmap.id))[0]!.id)).toBe(s.id);
    // boefje/dns-records matches boefje/*, but the filter leaves only the nmap normalizer; text/plain is not boefje/*
    expect(await normalizerTasks(k, dns.id)).toEqual([]);
    expect(await normalizerTasks(k, text.id)).toEqual([]);
    // two schedules selecting the same normalizer for one file queue it once
    await k.api('schedules.update', { org: 'acme', id: 'default-raw-files', enabled: true });
    const again = await upload(k, 'boefje/nmap', nmapXml('10.0.0.1', 25));
    await k.runner.idle();
    expect((await normalizerTasks(k, again.id)).map((t) => t.pluginId)).toEqual(['kat_nmap_normalizer']);
  });
});

describe('schedules on raw files: re-reading stored files', () => {
  it('re-reads the newest nmap file of each IP after a normalizer upgrade, on its recurrence; nothing while the version has read them', async () => {
    const { k, setPort } = await setup();
    // (the daily boefje re-scan would run too when the clock moves a day)
    await k.api('schedules.update', { org: 'acme', id: 'default-daily', enabled: false });
    await k.api('plugins.enable', { org: 'acme', id: 'nmap', enabled: true });
    await k.api('levels.declare', { org: 'acme', pks: [IP, IP2], level: 2 });
    await k.api('scans.now', { org: 'acme', pks: [IP, IP2] });
    await k.runner.idle();
    setPort(443);
    k.clock.advance(3600_000);
    await k.api('scans.now', { org: 'acme', pks: [IP] });
    await k.runner.idle();
    // IP has two nmap files (port 80, then 443); IP2 one
    const files = (await k.api('raw.list', { org: 'acme' })).items.filter((f) => f.mimeTypes.includes('boefje/nmap'));
    expect(files).toHaveLength(3);
    const newest = new Map<string, string>();
    for (const f of [...files].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) newest.set(f.inputPk!, f.id);
    expect((await normalizerTasks(k)).length).toBe(3);

    const s = await k.api('schedules.create', { org: 'acme', name: 'Re-read nmap weekly', recurrence: 'FREQ=WEEKLY;BYDAY=MO;BYHOUR=3;BYMINUTE=0', runOn: 'file', mimeType: 'boefje/nmap', operations: [] });
    expect(s.nextRunAt).toBe('2026-03-02T03:00:00.000Z');
    // every file was read by the current version
    expect(await k.api('schedules.preview', { org: 'acme', id: s.id })).toMatchObject({ queued: 0, skipped: { upToDate: 2 }, text: 'nothing to queue (skipped: 2 already read by this normalizer version)' });

    // as if those runs were of an older version of the normalizer
    await k.db.query(`UPDATE tasks SET plugin_version = '0.9.0' WHERE org = 'acme' AND kind = 'normalizer'`);
    expect(await k.api('schedules.preview', { org: 'acme', id: s.id })).toMatchObject({ queued: 2, text: '2 tasks: kat_nmap_normalizer × 2 boefje/nmap files' });
    k.clock.advance(DAY);
    expect(await k.scheduler.tick()).toBe(2);
    const queued = (await normalizerTasks(k)).filter((t) => t.reason === 'schedule');
    // the newest file of each IP (the older port-80 file of IP stays unread: it would bring port 80 back)
    expect(queued.map((t) => t.rawId).sort()).toEqual([newest.get(IP), newest.get(IP2)].sort());
    expect(queued.every((t) => t.reason === 'schedule' && t.priority === 6)).toBe(true);
    await k.runner.idle();
    const ports = (await k.api('objects.list', { org: 'acme', types: ['IPPort'] })).items.map((o) => o.pk).sort();
    expect(ports).toEqual(['IPPort|internet|10.0.0.1|tcp|443', 'IPPort|internet|10.0.0.2|tcp|80']);
    const after = (await k.api('schedules.list', { org: 'acme' })).find((x) => x.id === s.id)!;
    expect(after).toMatchObject({ lastRunAt: '2026-03-02T11:00:00.000Z', nextRunAt: '2026-03-09T03:00:00.000Z', lastResult: { queued: 2 } });
    // read now by the current version: the next run has nothing to do
    expect((await k.api('schedules.runNow', { org: 'acme', id: s.id })).queued).toBe(0);

    // a deleted object's files are not read again
    await k.db.query(`UPDATE tasks SET plugin_version = '0.9.0' WHERE org = 'acme' AND kind = 'normalizer'`);
    await k.api('objects.delete', { org: 'acme', pk: IP2 });
    const preview = await k.api('schedules.preview', { org: 'acme', id: s.id });
    expect(preview.queued).toBe(1);
  });
});

describe('schedules on raw files: validation', () => {
  it('bad mime types, wrong plugin kinds and fields that do not fit point at the field and change nothing', async () => {
    const { k } = await setup();
    const before = await k.api('schedules.list', { org: 'acme' });
    const base = { org: 'acme', name: 'x', runOn: 'file', mimeType: 'boefje/nmap', operations: ['created' as const] };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ mimeType: 'nmap' }, 'BAD_REQUEST', 'mimeType'],
      [{ mimeType: 'boefje/nmap; evil' }, 'BAD_REQUEST', 'mimeType'],
      [{ mimeType: '*/nmap' }, 'BAD_REQUEST', 'mimeType'],
      [{ mimeType: null }, 'BAD_REQUEST', 'mimeType'],
      [{ plugins: "kind = 'boefje'" }, 'BAD_REQUEST', 'plugins'],
      [{ plugins: "id = 'nmap'" }, 'BAD_REQUEST', 'plugins'],
      [{ plugins: 'id = ' }, 'INVALID_QUERY', 'plugins'],
      [{ operations: ['created', 'updated'] }, 'BAD_REQUEST', 'operations'],
      [{ operations: [] }, 'BAD_REQUEST', 'recurrence'],
      [{ input: 'Hostname' }, 'BAD_REQUEST', 'input'],
      // and the other way round: a schedule on objects
      [{ runOn: 'IPAddress', mimeType: 'boefje/nmap' }, 'BAD_REQUEST', 'mimeType'],
      [{ runOn: 'IPAddress', mimeType: null, plugins: "id = 'kat_nmap_normalizer'" }, 'BAD_REQUEST', 'plugins'],
      [{ runOn: 'fil', mimeType: null }, 'UNKNOWN_TYPE', 'runOn'],
    ];
    for (const [over, code, field] of cases) {
      const e = await errorOf(k.api('schedules.create', { ...base, ...over } as never));
      expect([e.code, e.details?.field], JSON.stringify(over)).toEqual([code, field]);
      expect(e.message.startsWith(`${field}: `) || field === 'recurrence', e.message).toBe(true);
    }
    const e = await errorOf(k.api('schedules.create', { ...base, plugins: "id = 'nmap'" }));
    expect(e.message).toBe('plugins: selects no normalizer, only nmap (boefje); a schedule that runs on raw files runs normalizers');
    // the same checks on update and preview
    expect((await errorOf(k.api('schedules.update', { org: 'acme', id: 'default-raw-files', mimeType: 'x' }))).details?.field).toBe('mimeType');
    expect((await errorOf(k.api('schedules.preview', { org: 'acme', draft: { name: 'd', enabled: true, recurrence: 'daily', plugins: '', input: '', runOn: 'file', mimeType: 'bad', operations: [] } }))).details?.field).toBe('mimeType');
    expect(await k.api('schedules.list', { org: 'acme' })).toEqual(before);
    // canonical forms are stored
    const ok = await k.api('schedules.create', { ...base, mimeType: 'Boefje/*' });
    expect(ok.mimeType).toBe('boefje/*');
    expect((await k.api('schedules.create', { ...base, mimeType: '*' })).mimeType).toBe('*/*');
  });
});
