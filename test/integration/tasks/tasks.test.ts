/**
 * Tasks and the runner on the real core (PGlite, real catalogue, real raw store), with a recording
 * container runtime: scan now, eligibility, dedup, the runner lanes, raw files triggering
 * normalizers, cancel, retry, re-queue after a crash, and the queue cleaned when levels drop.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src-main/common/errors';
import { testKat, type TestKat } from '../../helpers/kat';
import { RecordingRuntime } from './recording-runtime';

let kat: TestKat | undefined;
afterEach(async () => {
  await kat?.close();
  kat = undefined;
});

const HOST = 'Hostname|internet|example.org';
const IP = 'IPAddressV4|internet|127.0.0.1';

async function setup(opts: { start?: boolean; runtime?: RecordingRuntime } = {}) {
  const runtime = opts.runtime ?? new RecordingRuntime(() => kat!.db);
  kat = await testKat({ engine: runtime, runner: { start: opts.start ?? true, concurrency: 2 } });
  const k = kat;
  await k.api('orgs.clearance.acknowledge', { org: 'acme', maxLevel: 4, acknowledgedBy: 'test' });
  await k.api('objects.declare', { org: 'acme', pk: HOST });
  await k.api('objects.declare', { org: 'acme', pk: IP });
  return { k, runtime };
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
  return 'no error';
}

describe('scan now', () => {
  it('queues every enabled, eligible boefje and says why the others were skipped', async () => {
    const { k } = await setup({ start: false });
    await k.api('levels.declare', { org: 'acme', pks: [HOST], level: 1 });
    let r = await k.api('scans.now', { org: 'acme', pks: [HOST] });
    expect(r.queued).toEqual([]);
    expect(r.skipped).toEqual([expect.objectContaining({ pk: HOST, pluginId: 'dns-records', code: 'PLUGIN_DISABLED' })]);

    await k.api('plugins.enable', { org: 'acme', id: 'dns-records', enabled: true });
    await k.api('plugins.enable', { org: 'acme', id: 'nmap', enabled: true });
    r = await k.api('scans.now', { org: 'acme', pks: [HOST, IP] });
    expect(r.queued.map((t) => `${t.pluginId} ${t.inputPk} ${t.status} p${t.priority}`)).toEqual([`dns-records ${HOST} queued p1`]);
    // the IP is at L0 (nothing flows from a hostname to an IP without a ResolvedHostname)
    expect(r.skipped).toEqual([expect.objectContaining({ pk: IP, pluginId: 'nmap', code: 'NOT_ELIGIBLE' })]);

    // a second scan of the same object does not queue it twice
    r = await k.api('scans.now', { org: 'acme', pks: [HOST] });
    expect(r.queued).toEqual([]);
    expect(r.skipped[0]).toMatchObject({ code: 'ALREADY_QUEUED' });

    const list = await k.api('tasks.list', { org: 'acme' });
    expect(list.total).toBe(1);
    expect(list.counts).toMatchObject({ queued: 1, running: 0 });
  });

  it('refuses unknown objects and plugins, and says so when there is no engine', async () => {
    const { k, runtime } = await setup({ start: false });
    expect(await codeOf(k.api('scans.now', { org: 'acme', pks: ['Hostname|internet|nope.example'] }))).toBe('NOT_FOUND');
    expect(await codeOf(k.api('scans.now', { org: 'acme', pks: [HOST], pluginIds: ['no-such'] }))).toBe('PLUGIN_NOT_FOUND');
    expect(await codeOf(k.api('scans.now', { org: 'acme', pks: [HOST], pluginIds: ['kat_nmap_normalizer'] }))).toBe('BAD_REQUEST');
    runtime.available = false;
    expect(await codeOf(k.api('scans.now', { org: 'acme', pks: [HOST] }))).toBe('ENGINE_UNAVAILABLE');
    const s = await k.api('engine.status', { refresh: true });
    expect(s).toMatchObject({ available: false, hint: 'start one' });
    expect((await k.api('tasks.list', { org: 'acme' })).total).toBe(0);
  });

  it('explains per boefje whether it may run on an object, and lists the objects a boefje may run on', async () => {
    const { k } = await setup({ start: false });
    await k.api('plugins.enable', { org: 'acme', id: 'nmap', enabled: true });
    expect((await k.api('scans.eligible', { org: 'acme', pk: IP })).boefjes).toEqual([
      expect.objectContaining({ pluginId: 'nmap', eligible: false, code: 'NOT_ELIGIBLE', scanLevel: 2 }),
    ]);
    await k.api('levels.declare', { org: 'acme', pks: [IP], level: 2 });
    expect((await k.api('scans.eligible', { org: 'acme', pk: IP })).boefjes[0]).toMatchObject({ eligible: true, code: null });
    const objs = await k.api('scans.eligibleObjects', { org: 'acme', pluginId: 'nmap' });
    expect(objs).toEqual({ items: [{ pk: IP, type: 'IPAddressV4', level: 2 }], total: 1 });
    expect((await k.api('scans.eligibleObjects', { org: 'acme', pluginId: 'dns-records' })).total).toBe(0);
  });
});

describe('the runner', () => {
  it('runs a boefje with the serialised input and settings, stores its files and triggers the normalizers', async () => {
    const { k, runtime } = await setup();
    runtime.behaviour = () => ({ files: [{ name: 'out.json', mimeTypes: ['boefje/dns-records'], content: Buffer.from('{}') }], stdout: 'hello' });
    await k.api('plugins.enable', { org: 'acme', id: 'dns-records', enabled: true });
    await k.api('plugins.settings.set', { org: 'acme', id: 'dns-records', settings: { nameserver: '127.0.0.1', nameserver_port: 5353 } });
    await k.api('levels.declare', { org: 'acme', pks: [HOST], level: 1 });
    const events: string[] = [];
    k.subscribe((e) => {
      if (e.topic === 'tasks.changed') for (const t of e.tasks) events.push(`${t.kind}:${t.status}`);
    });
    const { queued } = await k.api('scans.now', { org: 'acme', pks: [HOST] });
    await k.runner.idle();

    expect(runtime.runs).toHaveLength(1);
    const input = runtime.runs[0]!.input;
    expect(input).toMatchObject({
      task_id: queued[0]!.id,
      boefje: { id: 'dns-records', version: '1.0.0' },
      input_ooi: HOST,
      input: { object_type: 'Hostname', primary_key: HOST, name: 'example.org', key: { network: { name: 'internet' }, name: 'example.org' } },
      settings: { nameserver: '127.0.0.1', nameserver_port: 5353, dmarc: true },
    });
    const task = await k.api('tasks.get', { org: 'acme', id: queued[0]!.id });
    expect(task).toMatchObject({ status: 'completed', exitCode: 0, outputCount: 1, stdout: 'hello', inputLevel: 1, attempts: 1 });
    expect(task.rawFiles).toHaveLength(1);
    expect(task.rawFiles[0]).toMatchObject({ source: 'boefje', taskId: task.id, inputPk: HOST, pluginId: 'dns-records', mimeTypes: ['boefje/dns-records'] });

    // the raw file queued the DNS normalizer, which ran (its result depends on its code being registered)
    const norm = await k.api('tasks.list', { org: 'acme', kind: 'normalizer' });
    expect(norm.items).toEqual([expect.objectContaining({ pluginId: 'kat_dns_normalizer', rawId: task.rawFiles[0]!.id, inputPk: HOST, reason: 'raw' })]);
    expect(['completed', 'failed']).toContain(norm.items[0]!.status);
    // pushed as they happened, in order
    expect(events.filter((e) => e.startsWith('boefje:'))).toEqual(['boefje:queued', 'boefje:running', 'boefje:completed']);
    expect(events.filter((e) => e.startsWith('normalizer:')).slice(0, 2)).toEqual(['normalizer:queued', 'normalizer:running']);
  });

  it('fails a task whose container exits non-zero, keeps stderr as an error raw file that is never normalized', async () => {
    const { k, runtime } = await setup();
    runtime.behaviour = () => ({ exitCode: 3, stderr: 'dig: connection refused' });
    await k.api('plugins.enable', { org: 'acme', id: 'dns-records', enabled: true });
    await k.api('levels.declare', { org: 'acme', pks: [HOST], level: 1 });
    const { queued } = await k.api('scans.now', { org: 'acme', pks: [HOST] });
    await k.runner.idle();
    const t = await k.api('tasks.get', { org: 'acme', id: queued[0]!.id });
    expect(t).toMatchObject({ status: 'failed', exitCode: 3, error: { code: 'BOEFJE_FAILED' }, stderr: 'dig: connection refused' });
    expect(t.error!.message).toContain('connection refused');
    expect(t.rawFiles.map((f) => f.mimeTypes)).toEqual([['error/boefje', 'boefje/dns-records']]);
    expect((await k.api('tasks.list', { org: 'acme', kind: 'normalizer' })).total).toBe(0);
  });

  it('treats container output as hostile: odd mime types are dropped, too many files fail the task', async () => {
    const { k, runtime } = await setup();
    await k.api('plugins.enable', { org: 'acme', id: 'dns-records', enabled: true });
    await k.api('levels.declare', { org: 'acme', pks: [HOST], level: 1 });
    runtime.behaviour = () => ({ files: [{ name: `${'x/'.repeat(300)}out.json`, mimeTypes: ['boefje/dns-records', '../../etc', 'a'.repeat(300), 'text/plain;evil'], content: Buffer.from('{}') }] });
    const first = await k.api('scans.now', { org: 'acme', pks: [HOST] });
    await k.runner.idle();
    const t = await k.api('tasks.get', { org: 'acme', id: first.queued[0]!.id });
    expect(t.rawFiles.map((f) => [f.mimeTypes, f.fileName!.length])).toEqual([[['boefje/dns-records'], 255]]);

    runtime.behaviour = () => ({ files: Array.from({ length: 101 }, (_, i) => ({ name: `f${i}`, mimeTypes: [], content: Buffer.from('x') })) });
    const second = await k.api('scans.now', { org: 'acme', pks: [HOST] });
    await k.runner.idle();
    expect(await k.api('tasks.get', { org: 'acme', id: second.queued[0]!.id })).toMatchObject({ status: 'failed', error: { code: 'BOEFJE_FAILED' }, rawFiles: [] });
  });

  it('cancels a queued task whose object dropped below the boefje level, and never starts it', async () => {
    const { k, runtime } = await setup({ start: false });
    await k.api('plugins.enable', { org: 'acme', id: 'nmap', enabled: true });
    await k.api('levels.declare', { org: 'acme', pks: [IP], level: 2 });
    const { queued } = await k.api('scans.now', { org: 'acme', pks: [IP] });
    await k.api('levels.declare', { org: 'acme', pks: [IP], level: 1 });
    const t = await k.api('tasks.get', { org: 'acme', id: queued[0]!.id });
    expect(t).toMatchObject({ status: 'cancelled', error: { code: 'NOT_ELIGIBLE' }, inputLevel: 1 });
    await k.runner.start();
    await k.runner.idle();
    expect(runtime.runs).toEqual([]);
  });

  it('re-checks right before the container starts (a level dropped without an event reaching the queue)', async () => {
    const { k, runtime } = await setup({ start: false });
    await k.api('plugins.enable', { org: 'acme', id: 'nmap', enabled: true });
    await k.api('levels.declare', { org: 'acme', pks: [IP], level: 2 });
    const { queued } = await k.api('scans.now', { org: 'acme', pks: [IP] });
    // behind the services' backs: as if the level changed between the queue check and the start
    await k.db.query(`UPDATE scan_profiles SET level = 1 WHERE org = 'acme' AND pk = $1`, [IP]);
    await k.runner.start();
    await k.runner.idle();
    expect(runtime.runs).toEqual([]);
    expect(await k.api('tasks.get', { org: 'acme', id: queued[0]!.id })).toMatchObject({ status: 'cancelled', error: { code: 'NOT_ELIGIBLE' } });
  });

  it('cancels queued tasks of deleted objects and of boefjes disabled before they ran', async () => {
    const { k } = await setup({ start: false });
    await k.api('plugins.enable', { org: 'acme', id: 'nmap', enabled: true });
    await k.api('plugins.enable', { org: 'acme', id: 'dns-records', enabled: true });
    await k.api('levels.declare', { org: 'acme', pks: [IP, HOST], level: 2 });
    await k.api('scans.now', { org: 'acme', pks: [IP, HOST] });
    await k.api('objects.delete', { org: 'acme', pk: IP });
    await k.api('plugins.enable', { org: 'acme', id: 'dns-records', enabled: false });
    await k.runner.start();
    await k.runner.idle();
    const items = (await k.api('tasks.list', { org: 'acme' })).items;
    expect(items.map((t) => `${t.pluginId} ${t.status} ${t.error?.code}`).sort()).toEqual(['dns-records cancelled PLUGIN_DISABLED', 'nmap cancelled NOT_FOUND']);
  });

  it('cancels a running task by killing its container; retry queues it again', async () => {
    const { k, runtime } = await setup();
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    runtime.behaviour = (r) =>
      new Promise((resolve) => {
        started();
        r.signal?.addEventListener('abort', () => resolve({ exitCode: null, error: { code: 'CANCELLED', message: 'killed' } }));
      });
    await k.api('plugins.enable', { org: 'acme', id: 'dns-records', enabled: true });
    await k.api('levels.declare', { org: 'acme', pks: [HOST], level: 1 });
    const { queued } = await k.api('scans.now', { org: 'acme', pks: [HOST] });
    await running;
    expect((await k.api('tasks.get', { org: 'acme', id: queued[0]!.id })).status).toBe('running');
    await k.api('tasks.cancel', { org: 'acme', id: queued[0]!.id });
    await k.runner.idle();
    expect(await k.api('tasks.get', { org: 'acme', id: queued[0]!.id })).toMatchObject({ status: 'cancelled', error: { code: 'CANCELLED' } });
    expect(await codeOf(k.api('tasks.cancel', { org: 'acme', id: queued[0]!.id }))).toBe('CONFLICT');

    runtime.behaviour = () => ({});
    const again = await k.api('tasks.retry', { org: 'acme', id: queued[0]!.id });
    expect(again).toMatchObject({ reason: 'retry', status: 'queued', pluginId: 'dns-records', inputPk: HOST });
    await k.runner.idle();
    expect((await k.api('tasks.get', { org: 'acme', id: again.id })).status).toBe('completed');
    expect(await codeOf(k.api('tasks.get', { org: 'acme', id: 'nope' }))).toBe('TASK_NOT_FOUND');
  });

  it('re-queues tasks a crash left running and runs them', async () => {
    const { k, runtime } = await setup({ start: false });
    await k.api('plugins.enable', { org: 'acme', id: 'dns-records', enabled: true });
    await k.api('levels.declare', { org: 'acme', pks: [HOST], level: 1 });
    const { queued } = await k.api('scans.now', { org: 'acme', pks: [HOST] });
    await k.db.query(`UPDATE tasks SET status = 'running', started_at = now(), attempts = 1`);
    await k.runner.start();
    await k.runner.idle();
    expect(runtime.runs).toHaveLength(1);
    expect(await k.api('tasks.get', { org: 'acme', id: queued[0]!.id })).toMatchObject({ status: 'completed', attempts: 2 });
  });

  it('runs at most the configured number of containers at once', async () => {
    const { k, runtime } = await setup();
    let now = 0;
    let peak = 0;
    runtime.behaviour = async () => {
      peak = Math.max(peak, ++now);
      await new Promise((r) => setTimeout(r, 20));
      now--;
      return {};
    };
    await k.api('plugins.enable', { org: 'acme', id: 'dns-records', enabled: true });
    const hosts = Array.from({ length: 7 }, (_, i) => `Hostname|internet|h${i}.example.org`);
    for (const h of hosts) await k.api('objects.declare', { org: 'acme', pk: h });
    await k.api('levels.declare', { org: 'acme', pks: hosts, level: 1 });
    await k.api('scans.now', { org: 'acme', pks: hosts });
    await k.runner.idle();
    expect(runtime.runs).toHaveLength(7);
    expect(peak).toBe(2);
  });
});

describe('uploaded raw files', () => {
  it('trigger the normalizers that consume their mime type, exactly like a boefje output', async () => {
    const { k } = await setup();
    const f = await k.api('raw.upload', { org: 'acme', inputPk: IP, mimeTypes: ['boefje/nmap'], contentBase64: Buffer.from('<nmaprun/>').toString('base64'), fileName: 'scan.xml' });
    await k.runner.idle();
    const norm = await k.api('tasks.list', { org: 'acme', rawId: f.id });
    expect(norm.items).toEqual([expect.objectContaining({ kind: 'normalizer', pluginId: 'kat_nmap_normalizer', inputPk: IP })]);
    expect(['completed', 'failed']).toContain(norm.items[0]!.status);
    // a disabled normalizer gets no task
    await k.api('plugins.enable', { org: 'acme', id: 'kat_nmap_normalizer', enabled: false });
    const g = await k.api('raw.upload', { org: 'acme', mimeTypes: ['boefje/nmap'], contentBase64: Buffer.from('<x/>').toString('base64'), fileName: 'b.xml' });
    await k.runner.idle();
    expect((await k.api('tasks.list', { org: 'acme', rawId: g.id })).total).toBe(0);
  });
});
