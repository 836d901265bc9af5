/**
 * The scheduler on the real core with a fake clock (no sleeps) and a recording container runtime:
 * default schedules, triggers (a level set, an object created, a boefje enabled or reconfigured),
 * recurrences, grace periods, per-plugin intervals, priorities, dedup, validation and preview.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src-main/common/errors';
import { testKat, type TestKat } from '../../helpers/kat';
import { RecordingRuntime } from '../tasks/recording-runtime';

let kat: TestKat | undefined;
afterEach(async () => {
  await kat?.close();
  kat = undefined;
});

const HOST = 'Hostname|internet|example.test';
const IP = 'IPAddressV4|internet|127.0.0.1';
const HOUR = 3600_000;

async function setup() {
  const runtime = new RecordingRuntime(() => kat!.db);
  kat = await testKat({ engine: runtime, scheduler: { defaults: true } });
  const k = kat;
  await k.api('orgs.clearance.acknowledge', { org: 'acme', maxLevel: 4, acknowledgedBy: 'test' });
  return { k, runtime };
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

const scheduled = async (k: TestKat) => (await k.api('tasks.list', { org: 'acme' })).items.filter((t) => t.reason === 'schedule');

describe('scheduler', () => {
  it('every organisation starts with six schedules', async () => {
    const { k } = await setup();
    const list = await k.api('schedules.list', { org: 'acme' });
    expect(list.map((s) => [s.id, s.isDefault, s.recurrenceText, s.runOn, s.mimeType, s.operations])).toEqual([
      ['default-daily', true, 'every day at 02:00 UTC', null, null, []],
      ['default-hostnames', true, null, 'Hostname', null, ['created', 'updated']],
      ['default-ip-addresses', true, null, 'IPAddress', null, ['created', 'updated']],
      ['default-raw-files', true, null, 'file', '*/*', ['created']],
      ['default-web-urls', true, null, 'WebURL', null, ['created', 'updated']],
      ['default-websites', true, null, 'Website', null, ['created', 'updated']],
    ]);
    // the fake clock starts at 2026-03-01 10:00 UTC: the next 02:00 is tomorrow
    expect(list[0]!.nextRunAt).toBe('2026-03-02T02:00:00.000Z');
    await k.api('orgs.create', { code: 'manual', name: 'Manual only', schedules: 'none' });
    expect(await k.api('schedules.list', { org: 'manual' })).toEqual([]);
  });

  it('runs an enabled boefje when a hostname gets a level, and not again inside the grace period', async () => {
    const { k, runtime } = await setup();
    await k.api('plugins.enable', { org: 'acme', id: 'dns-records', enabled: true });
    await k.api('objects.declare', { org: 'acme', pk: HOST });
    expect(await scheduled(k)).toEqual([]); // at L0 nothing may scan it
    await k.api('levels.declare', { org: 'acme', pks: [HOST], level: 1 });
    const [t] = await scheduled(k);
    expect(t).toMatchObject({ pluginId: 'dns-records', inputPk: HOST, priority: 2 }); // never run: priority 2
    await k.runner.idle();
    expect(runtime.runs.map((r) => r.pk)).toEqual([HOST]);

    k.clock.advance(HOUR);
    await k.api('levels.declare', { org: 'acme', pks: [HOST], level: 2 });
    await k.runner.idle();
    expect(runtime.runs).toHaveLength(1); // inside the 24 h grace period
    const hostnames = (await k.api('schedules.list', { org: 'acme' }))[1]!;
    expect(hostnames.id).toBe('default-hostnames');
  });

  it('a newly enabled boefje gets tasks for what it may scan; new settings are not a repeat', async () => {
    const { k, runtime } = await setup();
    await k.api('objects.declare', { org: 'acme', pk: IP });
    await k.api('levels.declare', { org: 'acme', pks: [IP], level: 2 });
    await k.api('plugins.enable', { org: 'acme', id: 'nmap', enabled: true });
    await k.runner.idle();
    expect(runtime.runs.map((r) => `${r.pluginId} ${r.pk}`)).toEqual([`nmap ${IP}`]);
    k.clock.advance(HOUR);
    await k.api('plugins.settings.set', { org: 'acme', id: 'nmap', settings: { ports: '22,80' } });
    await k.runner.idle();
    expect(runtime.runs).toHaveLength(2);
    expect(runtime.runs[1]!.input.settings).toMatchObject({ ports: '22,80' });
    // the same settings again inside the grace period: no new run
    k.clock.advance(HOUR);
    await k.api('plugins.settings.set', { org: 'acme', id: 'nmap', settings: { ports: '22,80' } });
    await k.runner.idle();
    expect(runtime.runs).toHaveLength(2);
  });

  it('the daily schedule re-runs what is past its grace period, stalest first', async () => {
    const { k, runtime } = await setup();
    await k.api('plugins.enable', { org: 'acme', id: 'dns-records', enabled: true });
    const hosts = ['a', 'b', 'c'].map((h) => `Hostname|internet|${h}.example.test`);
    for (const h of hosts) await k.api('objects.declare', { org: 'acme', pk: h });
    await k.api('levels.declare', { org: 'acme', pks: hosts.slice(0, 2), level: 1 });
    await k.runner.idle();
    expect(runtime.runs).toHaveLength(2);

    // 02:00 the next day: 16 hours after the runs, inside the grace period
    k.clock.set('2026-03-02T02:00:00Z');
    expect(await k.scheduler.tick()).toBe(0);
    const daily = (await k.api('schedules.list', { org: 'acme' }))[0]!;
    expect(daily).toMatchObject({ lastRunAt: '2026-03-02T02:00:00.000Z', nextRunAt: '2026-03-03T02:00:00.000Z' });
    expect(daily.lastResult!.skipped.grace).toBe(2);
    expect(daily.lastResult!.text).toBe('nothing to queue (skipped: 2 ran recently)');

    // the third host gets a level; two days later every host is due, the never-run one first
    await k.api('levels.declare', { org: 'acme', pks: [hosts[2]!], level: 1 });
    await k.runner.idle();
    await k.runner.stop(); // keep what the tick queues in the queue
    k.clock.set('2026-03-04T02:00:00Z');
    expect(await k.scheduler.tick()).toBe(3);
    const queued = (await k.api('tasks.list', { org: 'acme', statuses: ['queued'] })).items;
    const prio = Object.fromEntries(queued.map((t) => [t.inputPk, t.priority]));
    // all ran; the two older runs (2 days 16 h ago) are staler than the third (about 2 days ago)
    expect(prio[hosts[0]!]).toBe(prio[hosts[1]!]);
    expect(prio[hosts[0]!]).toBeLessThan(prio[hosts[2]!]!);
    expect((await k.api('schedules.list', { org: 'acme' }))[0]!.lastResult!.text).toBe('3 tasks: dns-records × 3 Hostname');
  });

  it('a per-plugin interval shortens the grace period; a manual scan ignores it', async () => {
    const { k, runtime } = await setup();
    await k.api('plugins.enable', { org: 'acme', id: 'dns-records', enabled: true });
    await k.api('objects.declare', { org: 'acme', pk: HOST });
    await k.api('levels.declare', { org: 'acme', pks: [HOST], level: 1 });
    await k.runner.idle();
    await k.api('scans.now', { org: 'acme', pks: [HOST] });
    await k.runner.idle();
    expect(runtime.runs).toHaveLength(2); // manual: inside the grace period all the same

    await k.api('plugins.interval.set', { org: 'acme', id: 'dns-records', intervalMinutes: 60 });
    expect((await k.api('plugins.get', { org: 'acme', id: 'dns-records' })).intervalMinutes).toBe(60);
    k.clock.advance(59 * 60_000);
    expect((await k.api('schedules.runNow', { org: 'acme', id: 'default-daily' })).queued).toBe(0);
    k.clock.advance(2 * 60_000);
    expect(await k.api('schedules.runNow', { org: 'acme', id: 'default-daily' })).toMatchObject({ queued: 1, text: '1 task: dns-records × 1 Hostname' });
    await k.runner.idle();
    expect(runtime.runs).toHaveLength(3);
    expect((await errorOf(k.api('plugins.interval.set', { org: 'acme', id: 'kat_dns_normalizer', intervalMinutes: 5 }))).code).toBe('BAD_REQUEST');
  });

  it('filters choose the boefjes and the objects; previews say what would run', async () => {
    const { k } = await setup();
    await k.runner.stop(); // what the triggers queue stays queued
    for (const id of ['dns-records', 'nmap']) await k.api('plugins.enable', { org: 'acme', id, enabled: true });
    const hosts = ['a', 'b'].map((h) => `Hostname|internet|${h}.example.test`);
    for (const pk of [...hosts, IP, 'IPAddressV4|internet|10.0.0.1']) await k.api('objects.declare', { org: 'acme', pk });
    await k.api('schedules.update', { org: 'acme', id: 'default-hostnames', enabled: false });
    await k.api('schedules.update', { org: 'acme', id: 'default-ip-addresses', enabled: false });
    await k.api('plugins.enable', { org: 'acme', id: 'nmap', enabled: false }); // no trigger while off
    await k.api('levels.declare', { org: 'acme', pks: [...hosts, IP, 'IPAddressV4|internet|10.0.0.1'], level: 2 });
    await k.api('plugins.enable', { org: 'acme', id: 'nmap', enabled: true });

    const draft = { name: 'weekly nmap on 10/8', enabled: true, recurrence: 'weekly', plugins: "id = 'nmap'", input: "IPAddress: address like '10.%'", runOn: null, operations: [] };
    expect(await k.api('schedules.preview', { org: 'acme', draft })).toMatchObject({ queued: 0, skipped: { active: 1 } });
    const all = await k.api('schedules.preview', { org: 'acme', draft: { ...draft, plugins: '', input: 'OOI' } });
    expect(all.byPlugin.map((p) => [p.pluginId, p.tasks])).toEqual([['dns-records', 2]]);

    const seen: string[] = [];
    k.subscribe((e) => {
      if (e.topic === 'schedules.changed') seen.push(e.change);
    });
    const created = await k.api('schedules.create', { org: 'acme', ...draft, input: "IPAddress: address like '10.%' and scan_level >= 2" });
    expect(created).toMatchObject({ recurrenceText: 'every Monday at 00:00 UTC', isDefault: false, nextRunAt: '2026-03-02T00:00:00.000Z' });
    expect((await errorOf(k.api('schedules.create', { org: 'acme', ...draft, plugins: "id = 'nmap' and" }))).details).toMatchObject({ field: 'plugins', column: 16 }) // the end of the text: something must follow 'and';
    expect((await errorOf(k.api('schedules.create', { org: 'acme', ...draft, input: 'Hostnme: scan_level > 0' }))).details).toMatchObject({ field: 'input', column: 1 });
    expect((await errorOf(k.api('schedules.create', { org: 'acme', ...draft, recurrence: 'FREQ=FORTNIGHTLY' }))).details).toMatchObject({ field: 'recurrence' });
    expect((await errorOf(k.api('schedules.create', { org: 'acme', ...draft, recurrence: null }))).code).toBe('BAD_REQUEST');
    expect((await errorOf(k.api('schedules.create', { org: 'acme', ...draft, recurrence: null, runOn: 'Hostnme', operations: ['created'] }))).code).toBe('UNKNOWN_TYPE');
    // hostile text stays data
    const evil = await k.api('schedules.preview', { org: 'acme', draft: { ...draft, plugins: '', input: "Hostname: name = 'x'' or 1=1; DROP TABLE objects; --'" } });
    expect(evil.queued).toBe(0);
    expect((await k.api('objects.list', { org: 'acme' })).total).toBe(5); // two hostnames, two IPs, the network: intact
    expect((await k.api('schedules.delete', { org: 'acme', id: created.id })).deleted).toBe(created.id);
    expect(seen).toEqual(['created', 'deleted']); // pushed to subscribers (the renderer reloads its list)
    expect((await errorOf(k.api('schedules.delete', { org: 'acme', id: created.id }))).code).toBe('NOT_FOUND');
  });
});
