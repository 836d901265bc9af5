/**
 * `npm run images [-- --base-only] [--force] [--fresh] [--strategy=auto|debootstrap|registry] [--socket=PATH]`
 *
 * Prepares every image for offline use: the base image (debootstrap + cached tarball + import where
 * no registry is reachable, see src-main/runner/base-image.ts), then each boefje's image from
 * plugins/boefjes/<id>/ (manifest.json: id, version; Containerfile). Progress goes to stderr.
 * Exit code 0 when everything is ready, 1 otherwise.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connectEngine } from '../src-main/runner/engine';
import { prepareBaseImage, type PrepareBaseOptions } from '../src-main/runner/base-image';
import { ensureImage } from '../src-main/runner/images';
import { isRunnerError } from '../src-main/runner/errors';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (n: string) => args.includes(`--${n}`);
const opt = (n: string) => args.find((a) => a.startsWith(`--${n}=`))?.split('=')[1];
const log = (m: string) => process.stderr.write(`[images] ${m}\n`);

interface BoefjeImage {
  id: string;
  version: string;
  contextDir: string;
  containerfile?: string;
  buildArgs?: Record<string, string>;
}

/** plugins/boefjes/<id>/manifest.json: id, version, image { context, containerfile, args }. */
function boefjeImages(): BoefjeImage[] {
  const base = join(root, 'plugins', 'boefjes');
  if (!existsSync(base)) return [];
  const out: BoefjeImage[] = [];
  for (const name of readdirSync(base)) {
    const manifestPath = join(base, name, 'manifest.json');
    if (!existsSync(manifestPath)) continue;
    try {
      const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
        id?: string;
        version?: string;
        image?: { context?: string; containerfile?: string; args?: Record<string, string> };
      };
      out.push({
        id: m.id ?? name,
        version: m.version ?? '0',
        contextDir: join(base, name, m.image?.context ?? '.'),
        containerfile: m.image?.containerfile,
        buildArgs: m.image?.args,
      });
    } catch (e) {
      log(`${name}: unreadable manifest.json (${String(e)}); skipped`);
    }
  }
  return out;
}

async function main(): Promise<number> {
  const engine = await connectEngine({ socket: opt('socket') });
  log(`engine: ${engine.flavour} ${engine.version} at ${engine.socket}`);
  const t = performance.now();
  const base = await prepareBaseImage(engine.docker, {
    force: flag('force'),
    fresh: flag('fresh'),
    strategy: (opt('strategy') as PrepareBaseOptions['strategy']) ?? 'auto',
    recipeDir: join(root, 'resources', 'images', 'base'),
    onProgress: (p) => log(`${p.step}: ${p.message}`),
  });
  log(`base image ${base.image}: ${base.how}${base.tarball ? ` (${base.cached ? 'cached' : 'new'} ${base.tarball})` : ''} in ${Math.round(base.ms / 100) / 10} s`);
  if (flag('base-only')) return 0;
  let failed = 0;
  for (const b of boefjeImages()) {
    try {
      const r = await ensureImage(engine.docker, {
        contextDir: b.contextDir,
        containerfile: b.containerfile,
        buildArgs: b.buildArgs,
        pluginId: b.id,
        version: b.version,
        onLog: (l) => log(`  ${b.id}: ${l}`),
      });
      log(`${r.image}: ${r.built ? 'built' : 'up to date'}`);
    } catch (e) {
      failed++;
      log(`${b.id}: ${isRunnerError(e) ? `${e.code} ${e.message}\n${String(e.details?.log ?? '')}` : String(e)}`);
    }
  }
  log(`done in ${Math.round((performance.now() - t) / 100) / 10} s${failed ? `, ${failed} image(s) failed` : ''}`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    log(isRunnerError(e) ? `${e.code}: ${e.message}${e.details?.hint ? `\n${String(e.details.hint)}` : ''}${e.details?.log ? `\n${String(e.details.log)}` : ''}` : String(e instanceof Error ? e.stack : e));
    process.exit(1);
  },
);
