/**
 * The base image every boefje Containerfile builds FROM (build argument BASE_IMAGE), made without a
 * registry: debootstrap a minimal Debian bookworm with the scanner tools, cache the rootfs tarball
 * outside the repository (KAT_CACHE_DIR, else $XDG_CACHE_HOME/kattegat, else ~/.cache/kattegat) so a
 * second run skips the slow part, and import it into the engine. Where a registry is reachable (and
 * debootstrap is not), resources/images/base/Containerfile builds the same tag FROM debian:bookworm-slim.
 */
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type Docker from 'dockerode';
import { BASE_IMAGE_DEFAULT } from './defaults';
import { describeError, RunnerError } from './errors';
import { buildContext, followBuild } from './images';
import { runProcess } from './process';

export const BASE_IMAGE = BASE_IMAGE_DEFAULT;
export const BASE_PACKAGES = ['nmap', 'dnsutils', 'openssl', 'curl', 'ca-certificates', 'jq'] as const;
export const BASE_SUITE = 'bookworm';
/** bump when the recipe changes: the cached tarball's name carries it */
export const BASE_RECIPE_VERSION = 1;
const DEFAULT_MIRROR = 'http://deb.debian.org/debian';
const PATH_ENV = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export type BaseStep = 'check' | 'debootstrap' | 'trim' | 'tar' | 'import' | 'build';
export interface BaseProgress {
  step: BaseStep;
  message: string;
}

export interface PrepareBaseOptions {
  image?: string;
  /** where the rootfs tarball is cached */
  cacheDir?: string;
  mirror?: string;
  /** rebuild even when the image exists (the cached tarball is still used unless fresh is set) */
  force?: boolean;
  /** also ignore the cached tarball */
  fresh?: boolean;
  /** 'auto': debootstrap when it is installed and we are root, else the registry Containerfile */
  strategy?: 'auto' | 'debootstrap' | 'registry';
  /** resources/images/base, for the registry strategy */
  recipeDir?: string;
  onProgress?: (p: BaseProgress) => void;
  signal?: AbortSignal;
}

export interface PrepareBaseResult {
  image: string;
  /** present: nothing to do; imported: from the cached or fresh tarball; built: from the Containerfile */
  how: 'present' | 'imported' | 'built';
  tarball?: string;
  /** whether the tarball came from the cache */
  cached?: boolean;
  ms: number;
}

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.KAT_CACHE_DIR) return env.KAT_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'kattegat');
}

export function baseTarballPath(dir = cacheDir()): string {
  return join(dir, `base-${BASE_SUITE}-v${BASE_RECIPE_VERSION}.tar`);
}

/** The Debian mirror this machine already uses (the first non-security URIs / deb line), or deb.debian.org. */
export function debianMirror(
  files: { sources?: string; list?: string } = { sources: '/etc/apt/sources.list.d/debian.sources', list: '/etc/apt/sources.list' },
): string {
  const read = (p?: string) => (p && existsSync(p) ? readFileSync(p, 'utf8') : '');
  for (const line of read(files.sources).split('\n')) {
    const m = /^\s*URIs:\s*(\S+)/i.exec(line);
    if (m && !/security/.test(m[1]!)) return m[1]!.replace(/\/$/, '');
  }
  for (const line of read(files.list).split('\n')) {
    const m = /^\s*deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+\S+/.exec(line);
    if (m && !/security/.test(m[1]!)) return m[1]!.replace(/\/$/, '');
  }
  return DEFAULT_MIRROR;
}

export async function imageExists(docker: Docker, name: string): Promise<boolean> {
  try {
    await docker.getImage(name).inspect();
    return true;
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode === 404) return false;
    throw e;
  }
}

async function unmountBelow(dir: string): Promise<void> {
  const mounts = (await readFile('/proc/self/mounts', 'utf8').catch(() => ''))
    .split('\n')
    .map((l) => l.split(' ')[1] ?? '')
    .filter((m) => m === dir || m.startsWith(dir + '/'))
    .sort((a, b) => b.length - a.length);
  for (const m of mounts) await runProcess('umount', ['-l', m]).catch(() => undefined);
}

/** debootstrap + trim + tar into `tarball` (written to a temp name, renamed when complete). */
async function makeTarball(tarball: string, mirror: string, opts: PrepareBaseOptions): Promise<void> {
  const say = (step: BaseStep, message: string) => opts.onProgress?.({ step, message });
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new RunnerError('BASE_IMAGE_FAILED', 'debootstrap needs root; run `npm run images` as root, or use a machine with a registry (strategy registry)');
  }
  const work = `${tarball}.rootfs`;
  const tmpTar = `${tarball}.partial`;
  await unmountBelow(work);
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  try {
    say('debootstrap', `debootstrap ${BASE_SUITE} from ${mirror} (about a minute) ...`);
    const args = ['--variant=minbase', `--include=${BASE_PACKAGES.join(',')}`, BASE_SUITE, work, mirror];
    const r = await runProcess('debootstrap', args, { signal: opts.signal, onLine: (l) => l.startsWith('I: ') && say('debootstrap', l.slice(3)) });
    if (r.code !== 0) throw new RunnerError('BASE_IMAGE_FAILED', `debootstrap exited with ${r.code}`, { log: r.tail.join('\n') });

    say('trim', 'removing package caches, docs and locales; adding /in and /out');
    for (const p of ['var/cache/apt/archives', 'var/lib/apt/lists', 'usr/share/doc', 'usr/share/man', 'usr/share/info', 'usr/share/locale']) {
      await rm(join(work, p), { recursive: true, force: true });
    }
    await mkdir(join(work, 'var/cache/apt/archives/partial'), { recursive: true });
    await mkdir(join(work, 'var/lib/apt/lists/partial'), { recursive: true });
    await mkdir(join(work, 'in'), { recursive: true, mode: 0o755 });
    await mkdir(join(work, 'out'), { recursive: true });
    await runProcess('chmod', ['1777', join(work, 'out')]);

    say('tar', `packing the root filesystem into ${tarball}`);
    const t = await runProcess('tar', ['--numeric-owner', '-C', work, '-cf', tmpTar, '.'], { signal: opts.signal });
    if (t.code !== 0) throw new RunnerError('BASE_IMAGE_FAILED', `tar exited with ${t.code}`, { log: t.tail.join('\n') });
    await rename(tmpTar, tarball);
  } finally {
    await unmountBelow(work);
    await rm(work, { recursive: true, force: true });
    await rm(tmpTar, { force: true });
  }
}

/**
 * POST /images/create?fromSrc=- with the tarball (repo carries the tag: podman ignores `tag`); the
 * image is tagged by id when the engine named it otherwise. Falls back to `podman import`.
 */
async function importTarball(docker: Docker, tarball: string, image: string, opts: PrepareBaseOptions): Promise<void> {
  const changes = [`ENV ${PATH_ENV}`, 'CMD ["/bin/bash"]', 'WORKDIR /'];
  try {
    const importOpts = { repo: image, changes, abortSignal: opts.signal };
    const stream = (await (docker.importImage as (f: unknown, o: unknown) => Promise<unknown>).call(docker, createReadStream(tarball), importOpts)) as NodeJS.ReadableStream;
    let id: string | undefined;
    await followBuild(docker, stream, (l) => {
      const m = /sha256:[0-9a-f]{64}/.exec(l);
      if (m) id = m[0];
    });
    if (await imageExists(docker, image)) return;
    if (!id) throw new Error('the engine accepted the import but named no image');
    const colon = image.lastIndexOf(':');
    await docker.getImage(id).tag({ repo: image.slice(0, colon), tag: image.slice(colon + 1) });
    if (!(await imageExists(docker, image))) throw new Error(`tagging ${id} as ${image} did not stick`);
  } catch (e) {
    if (opts.signal?.aborted) throw new RunnerError('CANCELLED', 'preparing the base image was cancelled');
    opts.onProgress?.({ step: 'import', message: `engine import failed (${describeError(e)}); trying \`podman import\`` });
    const args = ['import', ...changes.flatMap((c) => ['--change', c]), tarball, image];
    const r = await runProcess('podman', args, { signal: opts.signal }).catch((err: unknown) => ({ code: -1, tail: [describeError(err)] }));
    if (r.code !== 0) throw new RunnerError('BASE_IMAGE_FAILED', `importing ${tarball} failed: ${describeError(e)}`, { log: r.tail.join('\n') });
  }
}

async function debootstrapAvailable(): Promise<boolean> {
  return ['/usr/sbin/debootstrap', '/usr/bin/debootstrap'].some((p) => existsSync(p)) && process.getuid?.() === 0;
}

const LOCK_STALE_MS = 20 * 60 * 1000;

/** An exclusive lock (a directory) so parallel test workers / app + CLI never debootstrap twice at once. */
async function withLock<T>(lockDir: string, opts: PrepareBaseOptions, fn: () => Promise<T>): Promise<T> {
  let told = false;
  for (;;) {
    try {
      await mkdir(lockDir);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const age = await stat(lockDir).then((s) => Date.now() - s.mtimeMs, () => 0);
      if (age > LOCK_STALE_MS) {
        await rm(lockDir, { recursive: true, force: true });
        continue;
      }
      if (!told) opts.onProgress?.({ step: 'check', message: `another process is preparing the base image (${lockDir}); waiting` });
      told = true;
      if (opts.signal?.aborted) throw new RunnerError('CANCELLED', 'preparing the base image was cancelled');
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}

/** Makes sure the base image exists in the engine; see the file comment for how. */
export async function prepareBaseImage(docker: Docker, opts: PrepareBaseOptions = {}): Promise<PrepareBaseResult> {
  const image = opts.image ?? BASE_IMAGE;
  if (!opts.force && (await imageExists(docker, image))) return { image, how: 'present', ms: 0 };
  const dir = opts.cacheDir ?? cacheDir();
  await mkdir(dir, { recursive: true });
  return withLock(join(dir, 'base.lock'), opts, () => prepareLocked(docker, opts));
}

async function prepareLocked(docker: Docker, opts: PrepareBaseOptions): Promise<PrepareBaseResult> {
  const t0 = performance.now();
  const image = opts.image ?? BASE_IMAGE;
  const say = (step: BaseStep, message: string) => opts.onProgress?.({ step, message });
  const done = (r: Omit<PrepareBaseResult, 'ms' | 'image'>): PrepareBaseResult => ({ image, ...r, ms: Math.round(performance.now() - t0) });

  say('check', `looking for ${image}`);
  if (!opts.force && (await imageExists(docker, image))) return done({ how: 'present' });

  const tarball = baseTarballPath(opts.cacheDir ?? cacheDir());
  const haveTar = !opts.fresh && (await stat(tarball).then((s) => s.size > 0, () => false));
  const strategy = opts.strategy ?? 'auto';
  if (strategy === 'registry' || (strategy === 'auto' && !haveTar && !(await debootstrapAvailable()))) {
    const dir = opts.recipeDir ?? join(process.cwd(), 'resources', 'images', 'base');
    say('build', `building ${image} from ${dir}/Containerfile (needs a registry for debian:bookworm-slim)`);
    const stream = await docker.buildImage(buildContext(dir), { t: image, dockerfile: 'Containerfile', abortSignal: opts.signal } as Docker.ImageBuildOptions);
    const log: string[] = [];
    try {
      await followBuild(docker, stream, (l) => {
        log.push(l);
        say('build', l);
      });
    } catch (e) {
      throw new RunnerError('BASE_IMAGE_FAILED', `building ${image} failed: ${describeError(e)}`, { log: log.slice(-200).join('\n') });
    }
    return done({ how: 'built' });
  }

  if (haveTar) say('import', `using the cached root filesystem ${tarball}`);
  else {
    await mkdir(opts.cacheDir ?? cacheDir(), { recursive: true });
    await makeTarball(tarball, opts.mirror ?? debianMirror(), opts);
  }
  say('import', `importing ${tarball} as ${image}`);
  await importTarball(docker, tarball, image, opts);
  return done({ how: 'imported', tarball, cached: haveTar });
}
