/**
 * task_overhead: wall time of one boefje task through the whole runner (scan now -> task queued ->
 * the level re-check -> container with the serialised input -> /out back -> raw files stored ->
 * task completed) against a bare `podman run --rm` / `docker run --rm` of the same image and
 * command through the same engine, with the same input file mounted. Medians of interleaved runs
 * after a warm-up of each. Budget: ratio <= 1.3.
 *
 * parallel_tasks: 16 boefje tasks queued at once with concurrency 4, tasks per second from the
 * scan until the last one completed (ratio: against 16 sequential task times).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { silentLogger } from '../../src-main/common/logger.js';
import { createKat, type Kat } from '../../src-main/core/kat.js';
import { connectEngine, type Engine } from '../../src-main/runner/engine.js';
import { prepareBaseImage } from '../../src-main/runner/base-image.js';
import { ensureImage } from '../../src-main/runner/images.js';
import { boefjeInput } from '../../src-main/runner/boefje-input.js';
import { objectFromPk } from '../../src-main/graph/model/index.js';
import { line, percentile, round } from '../stats.js';
import type { Metric, MetricLine } from './types.js';

export const TASK_OVERHEAD_BUDGET = { max: 1.3 };
const SAMPLES = 9;
const PARALLEL = { tasks: 16, concurrency: 4 };
const PLUGINS_DIR = fileURLToPath(new URL('../../test/fixtures/plugins/runner', import.meta.url));
const BOEFJE = 'test-echo';
const host = (i: number) => `Hostname|internet|bench${i}.example.test`;

function bareRun(engine: Engine, image: string, inputFile: string): number {
  const [bin, pre] = engine.flavour === 'podman' ? ['podman', ['--url', engine.socket]] : ['docker', ['-H', engine.socket]];
  const t = performance.now();
  const r = spawnSync(
    bin,
    [...pre, 'run', '--rm', '--network', 'host', '-v', `${inputFile}:/in/input.json:ro`, '-e', 'KAT_INPUT=/in/input.json', '-e', 'KAT_OUTPUT_DIR=/tmp', image, '/bin/sh', '/kat/run'],
    { encoding: 'utf8' },
  );
  const ms = performance.now() - t;
  if (r.status !== 0 || !r.stdout.includes('test-echo: done')) throw new Error(`bare ${bin} run failed (${r.status}): ${r.stderr || r.error?.message}`);
  return ms;
}

async function benchCore(engine: Engine, concurrency: number, hosts: number): Promise<Kat> {
  const kat = await createKat({ data: 'memory://', logger: silentLogger, pluginsDir: PLUGINS_DIR, engine: { socket: engine.socket }, runner: { concurrency } });
  await kat.call('orgs.create', { code: 'bench', name: 'Bench', schedules: 'none' });
  await kat.call('orgs.clearance.acknowledge', { org: 'bench', maxLevel: 1, acknowledgedBy: 'bench' });
  await kat.call('plugins.enable', { org: 'bench', id: BOEFJE, enabled: true });
  const pks = Array.from({ length: hosts }, (_, i) => host(i));
  for (const pk of pks) await kat.call('objects.declare', { org: 'bench', pk });
  await kat.call('levels.declare', { org: 'bench', pks, level: 1 });
  return kat;
}

/** Scan now on the given objects, then wait until the runner is idle; every task must complete. */
async function scan(kat: Kat, pks: string[]): Promise<number> {
  const t = performance.now();
  const r = (await kat.call('scans.now', { org: 'bench', pks, pluginIds: [BOEFJE] })) as { queued: { id: string }[] };
  await kat.runner.idle();
  const ms = performance.now() - t;
  if (r.queued.length !== pks.length) throw new Error(`queued ${r.queued.length} of ${pks.length} tasks`);
  for (const q of r.queued) {
    const task = (await kat.call('tasks.get', { org: 'bench', id: q.id })) as { status: string; error: { message: string } | null };
    if (task.status !== 'completed') throw new Error(`task ${q.id} ended ${task.status}: ${task.error?.message}`);
  }
  return ms;
}

export const containersMetric: Metric = {
  name: 'containers',
  provides: [
    { name: 'task_overhead', unit: 'ratio' },
    { name: 'parallel_tasks', unit: 'tasks/s' },
  ],
  async run(ctx) {
    const engine = await connectEngine();
    ctx.log(`containers: ${engine.flavour} ${engine.version} at ${engine.socket}; preparing images ...`);
    await prepareBaseImage(engine.docker, { onProgress: (p) => ctx.log(`  base image ${p.step}: ${p.message}`) });
    const { image } = await ensureImage(engine.docker, { contextDir: join(PLUGINS_DIR, 'boefjes', BOEFJE), pluginId: BOEFJE, version: '1.0.0' });
    const dir = mkdtempSync(join(tmpdir(), 'kat-bench-'));
    const inputFile = join(dir, 'input.json');
    const out: MetricLine[] = [];
    const kat = await benchCore(engine, 1, SAMPLES + 1);
    try {
      writeFileSync(inputFile, JSON.stringify(boefjeInput({ taskId: 'bare', boefjeId: BOEFJE, version: '1.0.0', object: objectFromPk(host(0)), settings: { greeting: 'hello' } })));
      bareRun(engine, image, inputFile);
      await scan(kat, [host(0)]);
      const bare: number[] = [];
      const ours: number[] = [];
      for (let i = 1; i <= SAMPLES; i++) {
        bare.push(bareRun(engine, image, inputFile));
        ours.push(await scan(kat, [host(i)]));
      }
      const bareMs = percentile(bare, 50);
      const oursMs = percentile(ours, 50);
      ctx.log(`task_overhead: one task through the runner ${Math.round(oursMs)} ms, bare run ${Math.round(bareMs)} ms (medians of ${SAMPLES})`);
      out.push(
        line('task_overhead', oursMs / bareMs, 'ratio', TASK_OVERHEAD_BUDGET, {
          ratio: oursMs / bareMs,
          runner_ms: round(oursMs, 1),
          bare_ms: round(bareMs, 1),
          runner_all_ms: ours.map((v) => Math.round(v)),
          bare_all_ms: bare.map((v) => Math.round(v)),
          samples: SAMPLES,
          engine: `${engine.flavour} ${engine.version}`,
        }),
      );

      const par = await benchCore(engine, PARALLEL.concurrency, PARALLEL.tasks);
      try {
        const ms = await scan(par, Array.from({ length: PARALLEL.tasks }, (_, i) => host(i)));
        const rate = PARALLEL.tasks / (ms / 1000);
        ctx.log(`parallel_tasks: ${PARALLEL.tasks} tasks at concurrency ${PARALLEL.concurrency} in ${Math.round(ms)} ms`);
        out.push(line('parallel_tasks', rate, 'tasks/s', undefined, { ratio: (PARALLEL.tasks * oursMs) / ms, wall_ms: Math.round(ms), ...PARALLEL }));
      } finally {
        await par.close();
      }
    } finally {
      await kat.close();
      rmSync(dir, { recursive: true, force: true });
    }
    return out;
  },
};
