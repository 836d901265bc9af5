import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger } from '../../common/logger';
import { createKat } from '../../core/kat';
import { defaultDataDir, parseHostArgs, parsePort, resolveDataLocation, scanOptions, UsageError } from '../common/options';
import { startHeadlessHost } from './server';
import type { EngineStatus } from '../../api/contracts/scans';

const USAGE = `Usage: kat serve [--data-dir DIR | --memory] [--port N] [--concurrency N] [--no-engine]

Serves the Kattegat UI and API on 127.0.0.1 and prints the URL to open (it carries the access token).
  --data-dir DIR   where the data lives (default: $KAT_DATA_DIR, else ${defaultDataDir()})
  --memory         keep everything in memory (gone when the host stops)
  --port N         port to listen on (default: $KAT_PORT, else a free one)
  --concurrency N  boefje containers at once (default: $KAT_CONCURRENCY, else 2)
  --no-engine      never scan: do not look for a container engine ($KAT_NO_ENGINE=1)
  --renderer-dir   the built renderer (default: out/renderer beside this file)`;

/**
 * Entry of the headless host (bundled to out/main/headless.js). Prints exactly one line to stdout,
 * `Kattegat UI: http://127.0.0.1:PORT/?token=...`; warnings go to stderr. Closes the core on SIGINT/SIGTERM.
 */
async function main(argv: string[]): Promise<void> {
  const log = createLogger('headless');
  const opts = parseHostArgs(argv);
  if (opts.help) {
    process.stdout.write(USAGE + '\n');
    return;
  }
  const here = dirname(fileURLToPath(import.meta.url));
  const rendererDir = resolve(opts.rendererDir ?? process.env.KAT_RENDERER_DIR ?? join(here, '..', 'renderer'));
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new UsageError(`The built UI is missing (${rendererDir}/index.html); run "npm run build" first.`);
  }
  const port = opts.port ?? (process.env.KAT_PORT ? parsePort(process.env.KAT_PORT) : 0);
  const data = resolveDataLocation(opts, process.env, () => defaultDataDir());

  const token = process.env.KAT_TOKEN || undefined;
  if (token !== undefined && token.length < 16) throw new UsageError('KAT_TOKEN must be at least 16 characters.');

  const api = await createKat({ data, host: 'headless', ...scanOptions(opts, process.env) });
  const engine = (await api.call('engine.status', {})) as EngineStatus;
  if (engine.available) log.info(`scanning with ${engine.flavour} ${engine.version} at ${engine.socket}`);
  else log.warn(`scanning is disabled: ${engine.reason}. ${engine.hint}`);
  const host = await startHeadlessHost({ api, port, rendererDir, token, logger: log });
  process.stdout.write(`Kattegat UI: ${host.url}\n`);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    log.warn(`${signal}: closing`);
    host
      .close()
      .then(() => api.close())
      .then(
        () => process.exit(0),
        (e: unknown) => {
          log.error('close failed', { error: String(e) });
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main(process.argv.slice(2)).catch((e: unknown) => {
  const message = e instanceof UsageError || (e instanceof Error && 'code' in e) ? e.message : String(e);
  process.stderr.write(`kat serve: ${message}\n`);
  if (e instanceof UsageError) process.stderr.write(USAGE + '\n');
  process.exit(e instanceof UsageError ? 2 : 1);
});
