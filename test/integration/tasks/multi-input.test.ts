/**
 * Multi-input boefjes (manifest multiInput, here the real nmap manifest) on the real core with a
 * recording runtime: one container for the queued tasks of a boefje in an organisation (at most
 * maxInputs), the clearance check per input right before the start (an input below the level is
 * cancelled and never reaches the container), and the output split back per task, so each task
 * has its own raw files and each input its own normalizer run and observation.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { defaultPluginsDir } from '../../../src-main/plugins/loader';
import type { OutputFile } from '../../../src-main/runner/container';
import { testKat, type TestKat } from '../../helpers/kat';
import { RecordingRuntime, type Behaviour } from './recording-runtime';

let kat: TestKat | undefined;
afterEach(async () => {
  await kat?.close();
  kat = undefined;
});

const ip = (i: number) => `IPAddressV4|internet|10.0.0.${i}`;
const addressOf = (pk: string) => pk.split('|').pop()!;

/** nmap's XML for one host with port 80 open (what the real boefje writes per input). */
function nmapXml(address: string): Buffer {
  return Buffer.from(
    `<?xml version="1.0"?><nmaprun scanner="nmap"><host><status state="up"/><address addr="${address}" addrtype="ipv4"/>` +
      `<ports><port protocol="tcp" portid="80"><state state="open"/></port></ports></host><runstats><finished exit="success"/></runstats></nmaprun>`,
  );
}

/** What the nmap boefje does: one folder per input, named by its task id. */
const perInput: Behaviour = (_r, input) => ({
  files: (input.inputs ?? []).map<OutputFile>((i) => ({ name: `${i.task_id}/nmap.xml`, mimeTypes: ['boefje/nmap'], content: nmapXml(String(i.input.address)) })),
});

async function setup(n: number, opts: { pluginsDir?: string; concurrency?: number } = {}) {
  const runtime = new RecordingRuntime(() => kat!.db, perInput);
  kat = await testKat({ engine: runtime, runner: { start: false, concurrency: opts.concurrency ?? 2 }, pluginsDir: opts.pluginsDir });
  const k = kat;
  await k.api('orgs.clearance.acknowledge', { org: 'acme', maxLevel: 4, acknowledgedBy: 'test' });
  await k.api('plugins.enable', { org: 'acme', id: 'nmap', enabled: true });
  const pks = Array.from({ length: n }, (_, i) => ip(i + 1));
  for (const pk of pks) await k.api('objects.declare', { org: 'acme', pk });
  await k.api('levels.declare', { org: 'acme', pks, level: 2 });
  return { k, runtime, pks };
}

describe('multi-input boefjes', () => {
  it('one container for all queued inputs; each task keeps its own status and raw file; each input is normalized on its own', async () => {
    const { k, runtime, pks } = await setup(5);
    runtime.behaviour = async (r, input) => ({
      ...(await perInput(r, input)),
      files: [...((await perInput(r, input)).files ?? []), { name: 'summary.txt', mimeTypes: ['text/plain'], content: Buffer.from('all') }],
      stdout: 'scanned 5',
    });
    const { queued } = await k.api('scans.now', { org: 'acme', pks });
    expect(queued).toHaveLength(5);
    await k.runner.start();
    await k.runner.idle();

    // (in queue order: same priority and time here, so by task id)
    expect(runtime.containers.map((c) => ({ ...c, pks: [...c.pks].sort() }))).toEqual([{ pluginId: 'nmap', pks, batch: true }]);
    const batch = runtime.runs[0]!.input;
    expect(batch).toMatchObject({ boefje: { id: 'nmap', version: '1.1.0' }, settings: { top_ports: 250 } });
    for (const t of queued) {
      const task = await k.api('tasks.get', { org: 'acme', id: t.id });
      expect(task).toMatchObject({ status: 'completed', outputCount: 1, inputLevel: 2, stdout: 'scanned 5' });
      // the file outside every input's folder is dropped, and the task says so
      expect(task.stderr).toContain('dropped 1 output file(s) outside an input\'s folder: summary.txt');
      expect(task.rawFiles.map((f) => [f.fileName, f.inputPk, f.taskId, f.mimeTypes])).toEqual([['nmap.xml', t.inputPk, t.id, ['boefje/nmap']]]);
    }
    // one normalizer task per input, each an observation of its own IP
    const norm = await k.api('tasks.list', { org: 'acme', kind: 'normalizer' });
    expect(norm.items.map((t) => t.inputPk).sort()).toEqual([...pks].sort());
    expect(norm.counts).toMatchObject({ completed: 5, failed: 0 });
    for (const pk of pks) {
      const port = `IPPort|internet|${addressOf(pk)}|tcp|80`;
      const detail = await k.api('objects.get', { org: 'acme', pk: port });
      expect(detail.origins.map((o) => [o.kind, o.method, o.sourceMethod, o.source])).toEqual([['observation', 'kat_nmap_normalizer', 'nmap', pk]]);
    }
  });

  it('re-checks clearance for EVERY input right before the start: an input below the level is cancelled and left out', async () => {
    const { k, runtime, pks } = await setup(5);
    const { queued } = await k.api('scans.now', { org: 'acme', pks });
    // behind the services' backs (no event reaches the queue): two drop to L1, one loses its profile
    await k.db.query(`UPDATE scan_profiles SET level = 1 WHERE org = 'acme' AND pk = ANY($1::text[])`, [[pks[1], pks[3]]]);
    await k.db.query(`DELETE FROM scan_profiles WHERE org = 'acme' AND pk = $1`, [pks[4]]);
    await k.runner.start();
    await k.runner.idle();

    expect(runtime.containers.map((c) => ({ ...c, pks: [...c.pks].sort() }))).toEqual([{ pluginId: 'nmap', pks: [pks[0], pks[2]], batch: true }]);
    for (const r of runtime.runs) expect(r.levelAtStart, r.pk).toBeGreaterThanOrEqual(2);
    const byPk = new Map(queued.map((t) => [t.inputPk!, t.id]));
    for (const [pk, level] of [[pks[1], 1], [pks[3], 1], [pks[4], 0]] as const) {
      const t = await k.api('tasks.get', { org: 'acme', id: byPk.get(pk)! });
      expect(t).toMatchObject({ status: 'cancelled', inputLevel: level, error: { code: 'NOT_ELIGIBLE', message: `the object is at L${level}; nmap needs L2` } });
      expect(t.rawFiles).toEqual([]);
    }
    for (const pk of [pks[0], pks[2]]) expect((await k.api('tasks.get', { org: 'acme', id: byPk.get(pk)! })).status).toBe('completed');
  });

  it('no container at all when every input fails the check', async () => {
    const { k, runtime, pks } = await setup(3);
    await k.api('scans.now', { org: 'acme', pks });
    await k.db.query(`UPDATE scan_profiles SET level = 1 WHERE org = 'acme'`);
    await k.runner.start();
    await k.runner.idle();
    expect(runtime.containers).toEqual([]);
    expect((await k.api('tasks.list', { org: 'acme', kind: 'boefje' })).counts).toMatchObject({ cancelled: 3, completed: 0 });
  });

  it('never mixes organisations, and fails every task of a container that failed', async () => {
    const { k, runtime, pks } = await setup(2);
    await k.api('orgs.create', { code: 'beta', name: 'Beta' });
    await k.api('orgs.clearance.acknowledge', { org: 'beta', maxLevel: 4, acknowledgedBy: 'test' });
    await k.api('plugins.enable', { org: 'beta', id: 'nmap', enabled: true });
    await k.api('objects.declare', { org: 'beta', pk: ip(9) });
    await k.api('levels.declare', { org: 'beta', pks: [ip(9)], level: 2 });
    await k.api('scans.now', { org: 'acme', pks });
    await k.api('scans.now', { org: 'beta', pks: [ip(9)] });
    runtime.behaviour = (r, input) => (r.labels?.['org.kattegat.org'] === 'beta' ? { exitCode: 1, stderr: 'nmap: exited with 1' } : perInput(r, input));
    await k.runner.start();
    await k.runner.idle();
    expect(runtime.containers.map((c) => [...c.pks].sort().join(' ')).sort()).toEqual([pks.join(' '), ip(9)].sort());
    expect(runtime.runs.map((r) => `${r.org} ${r.pk}`).sort()).toEqual([`acme ${pks[0]}`, `acme ${pks[1]}`, `beta ${ip(9)}`]);
    expect((await k.api('tasks.list', { org: 'acme', kind: 'boefje' })).counts).toMatchObject({ completed: 2 });
    const beta = (await k.api('tasks.list', { org: 'beta', kind: 'boefje' })).items[0]!;
    expect(beta).toMatchObject({ status: 'failed', error: { code: 'BOEFJE_FAILED' } });
  });

  it('cancelling one task of a running container drops only its output; cancelling the last kills the container', async () => {
    const { k, runtime, pks } = await setup(3);
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    runtime.behaviour = async (r, input) => {
      started();
      await Promise.race([released, new Promise((res) => r.signal?.addEventListener('abort', res))]);
      if (r.signal?.aborted) return { exitCode: null, error: { code: 'CANCELLED', message: 'killed' } };
      return perInput(r, input);
    };
    const { queued } = await k.api('scans.now', { org: 'acme', pks });
    await k.runner.start();
    await running;
    await k.api('tasks.cancel', { org: 'acme', id: queued[1]!.id });
    expect(await k.api('tasks.get', { org: 'acme', id: queued[1]!.id })).toMatchObject({ status: 'cancelled', error: { code: 'CANCELLED' } });
    release();
    await k.runner.idle();
    expect((await k.api('tasks.get', { org: 'acme', id: queued[1]!.id })).rawFiles).toEqual([]);
    for (const i of [0, 2]) expect((await k.api('tasks.get', { org: 'acme', id: queued[i]!.id })).status).toBe('completed');
    expect((await k.api('tasks.list', { org: 'acme', kind: 'normalizer' })).items.map((t) => t.inputPk).sort()).toEqual([pks[0], pks[2]].sort());

    // a second run, all of it cancelled: the container is killed
    let startedAgain!: () => void;
    const runningAgain = new Promise<void>((r) => (startedAgain = r));
    let killed = false;
    runtime.behaviour = async (r) => {
      startedAgain();
      await new Promise((res) => r.signal?.addEventListener('abort', res));
      killed = true;
      return { exitCode: null, error: { code: 'CANCELLED', message: 'killed' } };
    };
    const again = await Promise.all(queued.map((t) => k.api('tasks.retry', { org: 'acme', id: t.id })));
    await runningAgain;
    expect(runtime.containers).toHaveLength(2);
    for (const t of again) await k.api('tasks.cancel', { org: 'acme', id: t.id });
    await k.runner.idle();
    expect(killed).toBe(true);
    for (const t of again) expect((await k.api('tasks.get', { org: 'acme', id: t.id })).status).toBe('cancelled');
  });
});

describe('maxInputs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kat-plugins-'));
  cpSync(defaultPluginsDir(), dir, { recursive: true });
  const manifest = join(dir, 'boefjes', 'nmap', 'manifest.json');
  writeFileSync(manifest, JSON.stringify({ ...JSON.parse(readFileSync(manifest, 'utf8')), maxInputs: 2 }));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a container takes at most maxInputs inputs, in queue order', async () => {
    const { k, runtime, pks } = await setup(5, { pluginsDir: dir, concurrency: 1 });
    await k.api('scans.now', { org: 'acme', pks });
    await k.runner.start();
    await k.runner.idle();
    expect(runtime.containers.map((c) => c.pks.length)).toEqual([2, 2, 1]);
    expect(runtime.containers.flatMap((c) => c.pks).sort()).toEqual([...pks].sort());
    expect((await k.api('tasks.list', { org: 'acme', kind: 'boefje' })).counts).toMatchObject({ completed: 5 });
  });
});
