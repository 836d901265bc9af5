/**
 * The graph explorer in the browser (real Chromium through playwright-core, the built renderer on
 * the headless host, a real in-memory core):
 *
 * - explorer_open_5k: from the request to a laid-out, painted, interactive graph of ~5,000 elements
 *   (hostnames resolving to addresses, opened at depth 2 without aggregation); median of runs.
 * - explorer_expand_p50: expanding one address (10 new ports) in a ~2,000-element view.
 * - explorer_longest_frame: the longest main-thread task during all of the above, from the
 *   browser's PerformanceObserver 'longtask' entries (tasks of 50 ms and more; 0 when none).
 *
 * The machine may be shared: numbers are wall times on whatever else runs.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createKat, type Kat } from '../../src-main/core/kat.js';
import { startHeadlessHost } from '../../src-main/hosts/headless/server.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../src-main/reports/pdf.js';
import { line, percentile, round } from '../stats.js';
import type { Metric, MetricLine } from './types.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RENDERER_DIR = resolve(ROOT, 'out/renderer');
const CHROMIUM = CHROMIUM_PATH;
const ORG = 'bench';
/** hostname -> ResolvedHostname -> address, all sharing Network|internet: 7 elements per hostname at depth 2 */
const HOSTS_5K = 714;
const HOSTS_2K = 285;
/** addresses that get PORTS ports each (what the expansions bring in) */
const EXPAND_SAMPLES = 21;
const PORTS = 10;
const OPEN_RUNS = 3;

const host = (i: number) => `Hostname|internet|h${i}.bench.example`;
const ip = (i: number) => `IPAddressV4|internet|10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

async function seed(kat: Kat): Promise<void> {
  const call = kat.call.bind(kat) as (m: string, p: unknown) => Promise<unknown>;
  await call('orgs.create', { code: ORG, name: 'Explorer bench', schedules: 'none' });
  await call('objects.declare', { org: ORG, pk: 'Network|internet' });
  const results: { type: string; data: Record<string, unknown> }[] = [];
  for (let i = 0; i < HOSTS_5K; i++) {
    const addr = ip(i).split('|')[2]!;
    results.push({ type: 'Hostname', data: { network: 'Network|internet', name: `h${i}.bench.example` } });
    results.push({ type: 'IPAddressV4', data: { network: 'Network|internet', address: addr } });
    results.push({ type: 'ResolvedHostname', data: { hostname: host(i), address: ip(i) } });
    if (i < EXPAND_SAMPLES) for (let p = 0; p < PORTS; p++) results.push({ type: 'IPPort', data: { address: ip(i), protocol: 'tcp', port: 1000 + p } });
  }
  await call('origins.save', { org: ORG, kind: 'observation', method: 'explorer-bench', source: 'Network|internet', results });
}

export const explorerMetric: Metric = {
  name: 'explorer',
  provides: [
    { name: 'explorer_open_5k', unit: 'ms' },
    { name: 'explorer_expand_p50', unit: 'ms' },
    { name: 'explorer_longest_frame', unit: 'ms' },
  ],
  async run(ctx) {
    if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error('the renderer is not built: run `npx electron-vite build` first');
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install -y chromium, or set KAT_CHROMIUM)`);
    const kat = await createKat({ data: 'memory://', host: 'headless', engine: { socket: '/nonexistent/kat.sock' }, scheduler: { start: false, defaults: false }, bits: false });
    const server = await startHeadlessHost({ api: kat, port: 0, rendererDir: RENDERER_DIR });
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    });
    try {
      const t0 = performance.now();
      await seed(kat);
      ctx.log(`explorer: seeded ${HOSTS_5K} hostnames, addresses and resolutions (+${EXPAND_SAMPLES * PORTS} ports) in ${Math.round(performance.now() - t0)} ms`);
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      page.setDefaultTimeout(120_000);
      await page.addInitScript(() => {
        const w = window as unknown as { __longtasks: number[] };
        w.__longtasks = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__longtasks.push(e.duration);
        }).observe({ type: 'longtask', buffered: true });
      });
      await page.goto(server.url);
      await page.waitForFunction(() => {
        const h = (window as unknown as { __katExplorer?: { state(): { currentOrg: string | null } } }).__katExplorer;
        return !!h && h.state().currentOrg === 'bench';
      });
      await page.evaluate(() => (window as unknown as { __katExplorer: { state(): { setView(v: string): void } } }).__katExplorer.state().setView('explorer'));
      await page.getByRole('heading', { name: 'Explorer', level: 1 }).waitFor();
      const resetLongTasks = () => page.evaluate(() => void ((window as unknown as { __longtasks: number[] }).__longtasks.length = 0));
      const longest = () => page.evaluate(() => Math.max(0, ...(window as unknown as { __longtasks: number[] }).__longtasks));

      // warm-up: the layout worker, the code paths
      await page.evaluate(async (start) => {
        await (window as unknown as { __katExplorer: { open(s: string[], o: object): Promise<unknown> } }).__katExplorer.open(start, { depth: 2 });
      }, [host(0), host(1)]);

      const start5k = Array.from({ length: HOSTS_5K }, (_, i) => host(i));
      const openMs: number[] = [];
      let elements = 0;
      let frame = 0;
      for (let run = 0; run < OPEN_RUNS; run++) {
        await resetLongTasks();
        const r = await page.evaluate(async (start) => {
          const h = (window as unknown as { __katExplorer: { open(s: string[], o: object): Promise<{ nodes: number; edges: number }> } }).__katExplorer;
          const t = performance.now();
          const c = await h.open(start, { depth: 2, aggregateOver: 100_000, asOf: null });
          return { ms: performance.now() - t, ...c, timings: (h as unknown as { timings(): Record<string, number> }).timings() };
        }, start5k);
        openMs.push(r.ms);
        elements = r.nodes + r.edges;
        frame = Math.max(frame, await longest());
        ctx.log(`explorer: open ${r.nodes} nodes + ${r.edges} edges in ${Math.round(r.ms)} ms (${Object.entries(r.timings).map(([k, v]) => `${k} ${Math.round(v)}`).join(', ')}; longest task ${Math.round(await longest())} ms)`);
      }

      // a 2,000-element view, then one address expanded at a time (10 ports each)
      const start2k = Array.from({ length: HOSTS_2K }, (_, i) => host(i));
      const v = await page.evaluate(async (start) => {
        const h = (window as unknown as { __katExplorer: { open(s: string[], o: object): Promise<{ nodes: number; edges: number }> } }).__katExplorer;
        return h.open(start, { depth: 2, aggregateOver: 100_000, asOf: null });
      }, start2k);
      ctx.log(`explorer: view of ${v.nodes} nodes + ${v.edges} edges for the expansions`);
      await resetLongTasks();
      const expandMs: number[] = [];
      for (let i = 0; i < EXPAND_SAMPLES; i++) {
        const r = await page.evaluate(async (pk) => {
          const h = (window as unknown as { __katExplorer: { expand(id: string): Promise<{ nodes: number; edges: number }> } }).__katExplorer;
          const t = performance.now();
          const c = await h.expand(pk);
          return { ms: performance.now() - t, ...c };
        }, ip(i));
        if (i === 0) continue; // warm-up
        expandMs.push(r.ms);
      }
      frame = Math.max(frame, await longest());
      const extra = { machine: 'shared with other jobs; wall times', runs: OPEN_RUNS };
      const out: MetricLine[] = [
        line('explorer_open_5k', percentile(openMs, 50), 'ms', { max: 3000 }, { ...extra, elements, all: openMs.map((x) => round(x, 0)) }),
        line('explorer_expand_p50', percentile(expandMs, 50), 'ms', { max: 300 }, { samples: expandMs.length, p95: round(percentile(expandMs, 95)), viewElements: v.nodes + v.edges, added: PORTS * 2 }),
        line('explorer_longest_frame', frame, 'ms', { max: 100 }, { source: "PerformanceObserver 'longtask' (>= 50 ms)" }),
      ];
      return out;
    } finally {
      await browser.close();
      await server.close();
      await kat.close();
    }
  },
};
