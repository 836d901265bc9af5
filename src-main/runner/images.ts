/**
 * Plugin images: each boefje folder is a build context (Containerfile + files) built FROM the base
 * image given as the build argument BASE_IMAGE, tagged kattegat/<plugin-id>:<version> and labelled
 * with a hash of the context so an edited folder is rebuilt. A failed build is IMAGE_BUILD_FAILED
 * with the last lines of the build log.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type Docker from 'dockerode';
import { BASE_IMAGE_DEFAULT } from './defaults';
import { describeError, RunnerError } from './errors';

export const CONTEXT_HASH_LABEL = 'org.kattegat.context-hash';
export const PLUGIN_LABEL = 'org.kattegat.plugin';
const LOG_LINES = 200;

export interface BuildOptions {
  /** the build context folder (the manifest's image.context inside the plugin folder) */
  contextDir: string;
  /** relative to contextDir; default Containerfile, else Dockerfile (the manifest's image.containerfile) */
  containerfile?: string;
  pluginId: string;
  version: string;
  /** BASE_IMAGE build argument; default localhost/kattegat-base:bookworm */
  baseImage?: string;
  buildArgs?: Record<string, string>;
  onLog?: (line: string) => void;
  signal?: AbortSignal;
}

export interface BuiltImage {
  image: string;
  /** false when ensureImage found it up to date */
  built: boolean;
  contextHash: string;
  log: string[];
}

export function imageTag(pluginId: string, version: string): string {
  return `kattegat/${pluginId}:${version}`;
}

function listFiles(dir: string, root = dir): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) {
      if (name === 'node_modules' || name === '.git' || name === 'fixtures') continue;
      out.push(...listFiles(p, root));
    } else if (st.isFile()) out.push(relative(root, p));
  }
  return out;
}

/** What dockerode packs (it tars { context, src } itself and honours .dockerignore). */
export function buildContext(dir: string): { context: string; src: string[] } {
  return { context: dir, src: listFiles(dir) };
}

function containerfileOf(dir: string, given?: string): string {
  if (given) {
    if (existsSync(join(dir, given))) return given;
    throw new RunnerError('IMAGE_BUILD_FAILED', `no ${given} in ${dir}`, { contextDir: dir });
  }
  if (existsSync(join(dir, 'Containerfile'))) return 'Containerfile';
  if (existsSync(join(dir, 'Dockerfile'))) return 'Dockerfile';
  throw new RunnerError('IMAGE_BUILD_FAILED', `no Containerfile or Dockerfile in ${dir}`, { contextDir: dir });
}

/** sha256 over the context's file names and contents plus the build arguments. */
export function contextHash(dir: string, args: Record<string, string>): string {
  const h = createHash('sha256');
  for (const f of listFiles(dir)) h.update(f).update('\0').update(readFileSync(join(dir, f))).update('\0');
  h.update(JSON.stringify(Object.entries(args).sort()));
  return h.digest('hex');
}

/**
 * Reads a build / import progress stream (JSON lines) to the end. Text goes to onLine; an `error`
 * message rejects with that message.
 */
export function followBuild(_docker: Docker, stream: NodeJS.ReadableStream, onLine: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let rest = '';
    let failed: string | undefined;
    const handle = (raw: string) => {
      if (!raw.trim()) return;
      let msg: { stream?: string; status?: string; error?: string; errorDetail?: { message?: string }; aux?: unknown };
      try {
        msg = JSON.parse(raw);
      } catch {
        onLine(raw);
        return;
      }
      if (msg.error || msg.errorDetail?.message) {
        failed = msg.errorDetail?.message ?? msg.error;
        onLine(`ERROR: ${failed}`);
      }
      const text = msg.stream ?? msg.status;
      if (text) for (const l of text.replace(/\n$/, '').split('\n')) onLine(l);
    };
    stream.on('data', (chunk: Buffer | string) => {
      const lines = (rest + chunk.toString()).split(/\r?\n/);
      rest = lines.pop() ?? '';
      for (const l of lines) handle(l);
    });
    stream.on('end', () => {
      handle(rest);
      if (failed) reject(new Error(failed));
      else resolve();
    });
    stream.on('error', reject);
  });
}

async function inspectImage(docker: Docker, name: string): Promise<Docker.ImageInspectInfo | undefined> {
  try {
    return await docker.getImage(name).inspect();
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode === 404) return undefined;
    throw e;
  }
}

/** Builds the plugin's image now; IMAGE_BUILD_FAILED (details.log) when the build fails. */
export async function buildImage(docker: Docker, opts: BuildOptions): Promise<BuiltImage> {
  const image = imageTag(opts.pluginId, opts.version);
  const buildargs = { BASE_IMAGE: opts.baseImage ?? BASE_IMAGE_DEFAULT, ...opts.buildArgs };
  const dockerfile = containerfileOf(opts.contextDir, opts.containerfile);
  const hash = contextHash(opts.contextDir, buildargs);
  const log: string[] = [];
  const onLine = (l: string) => {
    log.push(l);
    if (log.length > LOG_LINES) log.shift();
    opts.onLog?.(l);
  };
  const fail = (why: string) =>
    new RunnerError('IMAGE_BUILD_FAILED', `Building ${image} from ${opts.contextDir} failed: ${why}`, { image, contextDir: opts.contextDir, log: log.join('\n') });

  if (buildargs.BASE_IMAGE.startsWith('localhost/') && !(await inspectImage(docker, buildargs.BASE_IMAGE))) {
    throw fail(`the base image ${buildargs.BASE_IMAGE} is missing; prepare it with \`npm run images\``);
  }
  try {
    const stream = await docker.buildImage(buildContext(opts.contextDir), {
      t: image,
      dockerfile,
      buildargs,
      labels: { [CONTEXT_HASH_LABEL]: hash, [PLUGIN_LABEL]: opts.pluginId },
      rm: true,
      forcerm: true,
      abortSignal: opts.signal,
    } as Docker.ImageBuildOptions);
    await followBuild(docker, stream, onLine);
  } catch (e) {
    if (opts.signal?.aborted) throw new RunnerError('CANCELLED', `Building ${image} was cancelled`);
    throw fail(describeError(e));
  }
  if (!(await inspectImage(docker, image))) throw fail('the build finished but the image is missing');
  return { image, built: true, contextHash: hash, log };
}

/** The plugin's image, built when missing or when its folder changed since it was built. */
export async function ensureImage(docker: Docker, opts: BuildOptions): Promise<BuiltImage> {
  const image = imageTag(opts.pluginId, opts.version);
  const buildargs = { BASE_IMAGE: opts.baseImage ?? BASE_IMAGE_DEFAULT, ...opts.buildArgs };
  const hash = contextHash(opts.contextDir, buildargs);
  const found = await inspectImage(docker, image);
  if (found && found.Config?.Labels?.[CONTEXT_HASH_LABEL] === hash) return { image, built: false, contextHash: hash, log: [] };
  return buildImage(docker, opts);
}

/** Removes an image (tests, `images --clean`); a missing image is not an error. */
export async function removeImage(docker: Docker, image: string): Promise<void> {
  try {
    await docker.getImage(image).remove({ force: true });
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode !== 404) throw e;
  }
}
