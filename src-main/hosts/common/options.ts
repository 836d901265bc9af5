import { homedir } from 'node:os';
import { join } from 'node:path';

/** Options both hosts understand on their command line. Unknown arguments are ignored. */
export interface HostOptions {
  dataDir?: string;
  memory: boolean;
  port?: number;
  rendererDir?: string;
  help: boolean;
  /** --no-engine: never scan (no container engine is probed) */
  noEngine?: boolean;
  /** --concurrency N: boefje containers at once */
  concurrency?: number;
}

export class UsageError extends Error {}

/**
 * Parses `--data-dir DIR`, `--port N`, `--memory`, `--renderer-dir DIR`, `--help` (also the
 * `--flag=value` form). Electron and Chromium add their own switches, so unknown ones are skipped.
 */
export function parseHostArgs(argv: readonly string[]): HostOptions {
  const out: HostOptions = { memory: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = splitFlag(argv[i]);
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--data-dir':
        out.dataDir = value();
        break;
      case '--port':
        out.port = parsePort(value());
        break;
      case '--renderer-dir':
        out.rendererDir = value();
        break;
      case '--memory':
        out.memory = true;
        break;
      case '--no-engine':
        out.noEngine = true;
        break;
      case '--concurrency':
        out.concurrency = parseConcurrency(value());
        break;
      case '--help':
      case '-h':
        out.help = true;
        break;
      default:
        break;
    }
  }
  return out;
}

function splitFlag(arg: string): [string, string | undefined] {
  const eq = arg.indexOf('=');
  return arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
}

export function parseConcurrency(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < 1 || n > 64) throw new UsageError(`--concurrency must be a number from 1 to 64, not "${v}"`);
  return n;
}

/** What the hosts pass on to the core about scanning: --no-engine / KAT_NO_ENGINE, --concurrency / KAT_CONCURRENCY. */
export function scanOptions(opts: HostOptions, env: NodeJS.ProcessEnv): { engine?: false; runner: { concurrency: number } } {
  const off = opts.noEngine || env.KAT_NO_ENGINE === '1';
  const concurrency = opts.concurrency ?? (env.KAT_CONCURRENCY ? parseConcurrency(env.KAT_CONCURRENCY) : 2);
  return off ? { engine: false, runner: { concurrency } } : { runner: { concurrency } };
}

export function parsePort(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${v}"`);
  return n;
}

/**
 * The default data folder of the headless host: $XDG_DATA_HOME/kattegat (~/.local/share/kattegat)
 * on Linux; on macOS and Windows the same folder the Electron app uses (<appData>/kattegat/data).
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'kattegat', 'data');
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'kattegat', 'data');
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'kattegat');
}

/** Where the core keeps its data: --memory, then --data-dir, then KAT_DATA_DIR, then the fallback. */
export function resolveDataLocation(opts: HostOptions, env: NodeJS.ProcessEnv, fallback: () => string): string {
  if (opts.memory) return 'memory://';
  return opts.dataDir || env.KAT_DATA_DIR || fallback();
}
