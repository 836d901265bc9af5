/**
 * `npm run bench [-- <metric>... ] [--objects=N] [--seed=S] [--batch=B] [--org=O] [--profile] [--strict]`
 *
 * Prints one JSON line per metric on stdout ({ name, value, unit, ratio?, budget?, ok?, error? });
 * progress goes to stderr. Without names every metric runs. Exit code 1 when a metric failed to
 * run, 0 otherwise (a missed budget shows as "ok": false; `--strict` makes it exit 2).
 */
import { createContext } from './context.js';
import { METRICS } from './metrics/index.js';
import type { Metric, MetricLine } from './metrics/types.js';

interface Args {
  names: string[];
  objects: number;
  seed: number;
  batch: number;
  org: string;
  strict: boolean;
  profile: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { names: [], objects: 100_000, seed: 20261123, batch: 500, org: 'acme', strict: false, profile: false };
  for (const a of argv) {
    const m = /^--([a-z]+)(?:=(.*))?$/.exec(a);
    if (!m) {
      args.names.push(a);
      continue;
    }
    const [, key, value] = m;
    const num = () => {
      const n = Number(value);
      if (!Number.isInteger(n) || n <= 0) throw new Error(`--${key} needs a positive integer, got '${value ?? ''}'`);
      return n;
    };
    if (key === 'objects') args.objects = num();
    else if (key === 'seed') args.seed = num();
    else if (key === 'batch') args.batch = num();
    else if (key === 'org' && value) args.org = value;
    else if (key === 'strict') args.strict = true;
    else if (key === 'profile') args.profile = true;
    else throw new Error(`unknown option ${a}`);
  }
  return args;
}

function select(names: string[]): Metric[] {
  if (names.length === 0) return [...METRICS];
  const selects = (m: Metric, n: string) => m.name === n || m.provides.some((p) => p.name === n);
  const unknown = names.filter((n) => !METRICS.some((m) => selects(m, n)));
  if (unknown.length > 0) {
    const known = METRICS.flatMap((m) => [m.name, ...m.provides.map((p) => p.name)]);
    throw new Error(`unknown metric ${unknown.join(', ')}; known: ${[...new Set(known)].join(', ')}`);
  }
  return METRICS.filter((m) => names.some((n) => selects(m, n)));
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const metrics = select(args.names);
  const ctx = createContext({ objects: args.objects, seed: args.seed, org: args.org, batch: args.batch, profile: args.profile });
  let failed = false;
  let missed = false;
  try {
    for (const m of metrics) {
      ctx.log(`== ${m.name}`);
      let lines: MetricLine[];
      try {
        lines = await m.run(ctx);
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        ctx.log(`${m.name} failed: ${e instanceof Error && e.stack ? e.stack : message}`);
        lines = m.provides.map(({ name, unit }) => ({ name, value: null, unit, ok: false, error: message }));
      }
      for (const l of lines) {
        if (l.error !== undefined) failed = true;
        else if (l.ok === false) missed = true;
        process.stdout.write(JSON.stringify(l) + '\n');
      }
    }
  } finally {
    await ctx.close();
  }
  ctx.log(`rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB`);
  if (failed) return 1;
  return missed && args.strict ? 2 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
