/**
 * task_overhead: wall time of one locked-down runContainer (input in, /out back, logs, removal) of a
 * trivial command, against a bare `docker run --rm` / `podman --url ... run --rm` of the same image
 * and command through the same engine. Medians of interleaved runs after a warm-up of each.
 * (When the task runner lands, the runner side becomes one boefje task through it.)
 */
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { connectEngine } from '../../src-main/runner/engine.js';
import { prepareBaseImage } from '../../src-main/runner/base-image.js';
import { ensureImage } from '../../src-main/runner/images.js';
import { runContainer } from '../../src-main/runner/container.js';
import { line, percentile, round } from '../stats.js';
import type { Metric } from './types.js';

export const TASK_OVERHEAD_BUDGET = { max: 1.3 };
const SAMPLES = 9;
const CMD = ['sh', '-c', 'echo hello > /tmp/x && cat /tmp/x'];

function bareRun(flavour: 'docker' | 'podman', socket: string, image: string): number {
  const [bin, pre] = flavour === 'podman' ? ['podman', ['--url', socket]] : ['docker', ['-H', socket]];
  const t = performance.now();
  const r = spawnSync(bin, [...pre, 'run', '--rm', '--network', 'host', image, ...CMD], { encoding: 'utf8' });
  const ms = performance.now() - t;
  if (r.status !== 0 || r.stdout.trim() !== 'hello') throw new Error(`bare ${bin} run failed (${r.status}): ${r.stderr || r.error?.message}`);
  return ms;
}

export const containersMetric: Metric = {
  name: 'containers',
  provides: [{ name: 'task_overhead', unit: 'ratio' }],
  async run(ctx) {
    const engine = await connectEngine();
    ctx.log(`task_overhead: ${engine.flavour} ${engine.version} at ${engine.socket}; preparing images ...`);
    await prepareBaseImage(engine.docker, { onProgress: (p) => ctx.log(`  base image ${p.step}: ${p.message}`) });
    const echoDir = fileURLToPath(new URL('../../test/fixtures/images/echo', import.meta.url));
    const { image } = await ensureImage(engine.docker, { contextDir: echoDir, pluginId: 'bench-echo', version: '1' });

    const runner = async () => {
      const t = performance.now();
      const r = await runContainer(engine.docker, { image, cmd: CMD, input: { name: 'bench' }, limits: { timeoutSeconds: 60 } });
      const ms = performance.now() - t;
      if (r.exitCode !== 0 || r.stdout.trim() !== 'hello') throw new Error(`runContainer failed: exit ${r.exitCode} ${r.error?.message ?? r.stderr}`);
      return ms;
    };
    bareRun(engine.flavour, engine.socket, image);
    await runner();
    const bare: number[] = [];
    const ours: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      bare.push(bareRun(engine.flavour, engine.socket, image));
      ours.push(await runner());
    }
    const bareMs = percentile(bare, 50);
    const oursMs = percentile(ours, 50);
    ctx.log(`task_overhead: runContainer median ${Math.round(oursMs)} ms, bare run median ${Math.round(bareMs)} ms`);
    return [
      line('task_overhead', oursMs / bareMs, 'ratio', TASK_OVERHEAD_BUDGET, {
        runner_ms: round(oursMs, 1),
        bare_ms: round(bareMs, 1),
        runner_all_ms: ours.map((v) => Math.round(v)),
        bare_all_ms: bare.map((v) => Math.round(v)),
        samples: SAMPLES,
        engine: `${engine.flavour} ${engine.version}`,
      }),
    ];
  },
};
