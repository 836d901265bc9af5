/**
 * A multi-input boefje through the task runner against the real engine: nmap (multiInput) on three
 * loopback addresses at L2 and one at L1. One container scans the three (the runtime is the real
 * DockerRuntime, counted), the L1 address never reaches it, and every input ends with its own task,
 * raw file, normalizer run and IPPort observation.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DockerRuntime, type BoefjeRun } from '../../../src-main/runner/runtime';
import type { BoefjeBatchInput } from '../../../src-main/runner/boefje-input';
import { testKat, type TestKat } from '../../helpers/kat';
import { BASE_IMAGE_TIMEOUT_MS, describeWithEngine, ensureBaseImage, findTestEngine } from '../../helpers/podman';
import { listenTcp, type TestListener } from '../../helpers/tcp-server';

const { engine, missing } = await findTestEngine();
const ADDRESSES = ['127.0.0.1', '127.0.0.2', '127.0.0.3', '127.0.0.4'];
const pk = (a: string) => `IPAddressV4|internet|${a}`;

/** The real runtime, remembering what each container got. */
class CountingRuntime extends DockerRuntime {
  readonly started: string[][] = [];
  override run(r: BoefjeRun) {
    this.started.push((r.input as BoefjeBatchInput).inputs.map((i) => i.input_ooi).sort());
    return super.run(r);
  }
}

describeWithEngine('multi-input nmap through the task runner (real engine)', missing, () => {
  let kat: TestKat;
  let runtime: CountingRuntime;
  const listeners: TestListener[] = [];

  beforeAll(async () => {
    await ensureBaseImage(engine!.docker);
    // the same port on every address, so one port list covers them
    const first = await listenTcp(ADDRESSES[0]);
    listeners.push(first);
    for (const a of ADDRESSES.slice(1)) listeners.push(await listenTcp(a, first.port));
    runtime = new CountingRuntime({ socket: engine!.socket });
    kat = await testKat({ engine: runtime });
    await kat.api('orgs.clearance.acknowledge', { org: 'acme', maxLevel: 2, acknowledgedBy: 'test' });
    await kat.api('plugins.enable', { org: 'acme', id: 'nmap', enabled: true });
    await kat.api('plugins.settings.set', { org: 'acme', id: 'nmap', settings: { ports: String(first.port) } });
  }, BASE_IMAGE_TIMEOUT_MS);

  afterAll(async () => {
    await kat?.close();
    for (const l of listeners) await l.close();
  });

  it('one container for the three L2 addresses; each gets its own task, raw file and IPPort; the L1 one is never scanned', async () => {
    for (const a of ADDRESSES) await kat.api('objects.declare', { org: 'acme', pk: pk(a) });
    await kat.api('levels.declare', { org: 'acme', pks: ADDRESSES.slice(0, 3).map(pk), level: 2 });
    await kat.api('levels.declare', { org: 'acme', pks: [pk(ADDRESSES[3]!)], level: 1 });
    const { queued, skipped } = await kat.api('scans.now', { org: 'acme', pks: ADDRESSES.map(pk) });
    expect(queued).toHaveLength(3);
    expect(skipped).toEqual([expect.objectContaining({ pk: pk(ADDRESSES[3]!), code: 'NOT_ELIGIBLE' })]);
    await kat.runner.idle();

    expect(runtime.started).toEqual([ADDRESSES.slice(0, 3).map(pk).sort()]);
    const port = listeners[0]!.port;
    for (const t of queued) {
      const task = await kat.api('tasks.get', { org: 'acme', id: t.id });
      expect(task, task.stderr).toMatchObject({ status: 'completed', exitCode: 0, outputCount: 1 });
      expect(task.rawFiles.map((f) => [f.fileName, f.inputPk])).toEqual([['nmap.xml', t.inputPk]]);
    }
    const ports = (await kat.api('objects.list', { org: 'acme', types: ['IPPort'] })).items.map((o) => o.pk).sort();
    expect(ports).toEqual(ADDRESSES.slice(0, 3).map((a) => `IPPort|internet|${a}|tcp|${port}`).sort());
    expect((await kat.api('tasks.list', { org: 'acme', kind: 'normalizer' })).counts).toMatchObject({ completed: 3, failed: 0 });
  });
});
