/**
 * One locked-down container run.
 *
 * I/O protocol (documented for boefje authors in resources/images/README.md):
 * - Input: the caller's input (a Buffer as is, anything else as JSON) is placed at /in/input.json with
 *   putArchive after the container is created and before it starts (the read-only root filesystem
 *   only applies to the running container). KAT_INPUT names the file.
 * - Output: the command writes files into /out (a tmpfs, KAT_OUTPUT_DIR) and may describe their mime
 *   types in /out/mime-types.json ({ "<file>": ["<mime>", ...] }). The runner wraps the command in
 *   `sh -c`: after the command exits, the wrapper prints a per-run random marker line on stdout
 *   followed by `tar -c /out | base64`. The runner reads the logs once, demultiplexes them, cuts the
 *   trailer off stdout and unpacks it. This works against any Docker-compatible engine (local or
 *   remote), costs no extra API round trips, and the tmpfs is gone with the container.
 *   (A stopped container's tmpfs cannot be read back, and getArchive of a volume cost ~0.6 s here.)
 *   Images therefore need /bin/sh, tar and base64 (every Debian-based image has them).
 * - stdout / stderr are kept (the last stdoutLimitBytes of each).
 *
 * Every container: user nobody (65534) unless asked otherwise, not privileged, CapDrop ALL plus the
 * capabilities asked for, no-new-privileges, read-only root with tmpfs /tmp and /out, memory (no
 * swap) / CPU / pids limits, a timeout after which it is SIGKILLed (RUN_TIMEOUT), and it is always
 * removed, also on timeout, abort and errors.
 */
import { randomBytes } from 'node:crypto';
import type Docker from 'dockerode';
import { DEFAULT_LIMITS, DEFAULT_USER, INPUT_DIR, INPUT_FILE, OUTPUT_DIR, OUTPUT_INDEX } from './defaults';
import { describeError, RunnerError, type RunnerErrorPayload } from './errors';
import { capTail, demuxLogs } from './streams';
import { packTar, unpackTar } from './tar';

export const RUN_LABEL = 'org.kattegat.run';

export interface RunLimits {
  memoryMb: number;
  cpus: number;
  pids: number;
  timeoutSeconds: number;
}

export interface RunOptions {
  image: string;
  /** argv; default: the image's Entrypoint + Cmd */
  cmd?: string[];
  env?: Record<string, string>;
  /** placed at /in/input.json: a Buffer as is, anything else JSON-serialised */
  input?: unknown;
  limits?: Partial<RunLimits>;
  /** capabilities to add back after dropping ALL (e.g. NET_RAW for nmap -sS; nmap -sT needs none) */
  capAdd?: string[];
  /** default 'host': scanners reach what the machine reaches (the tests' services on 127.0.0.1) */
  network?: 'host' | 'none' | 'bridge';
  /** default 65534:65534 (nobody) */
  user?: string;
  /** size of the /out tmpfs, default 64 MB */
  outputLimitMb?: number;
  /** bytes of stdout and of stderr kept (the tail), default 1 MiB each */
  logLimitBytes?: number;
  /** mime types of output files that /out/mime-types.json does not mention */
  defaultMimeTypes?: string[];
  labels?: Record<string, string>;
  signal?: AbortSignal;
  /** called after create, before start (tests inspect the container here) */
  onCreated?: (container: Docker.Container) => Promise<void> | void;
}

export interface OutputFile {
  /** relative to /out, e.g. 'nmap.xml' or 'sub/x.txt' */
  name: string;
  mimeTypes: string[];
  content: Buffer;
}

export interface RunResult {
  containerId: string;
  /** null when killed on timeout / abort */
  exitCode: number | null;
  stdout: string;
  stderr: string;
  stdoutTruncated: boolean;
  stderrTruncated: boolean;
  files: OutputFile[];
  durationMs: number;
  timedOut: boolean;
  /** RUN_TIMEOUT, CANCELLED, or RUN_FAILED (out of memory, unreadable output) */
  error?: RunnerErrorPayload;
}

const MiB = 1024 * 1024;

/** The sh wrapper: "$@" is the command, $0 the marker. Keeps the command's exit code. */
const WRAPPER = `"$@"; kat_code=$?; printf '\\n%s\\n' "$0"; if [ -d ${OUTPUT_DIR} ]; then cd ${OUTPUT_DIR} && tar -cf - . | base64; fi; exit $kat_code`;

function inputBytes(input: unknown): Buffer {
  return Buffer.isBuffer(input) ? input : Buffer.from(JSON.stringify(input ?? null), 'utf8');
}

function statusOf(e: unknown): number | undefined {
  return (e as { statusCode?: number }).statusCode;
}

async function commandOf(docker: Docker, opts: RunOptions): Promise<string[]> {
  if (opts.cmd && opts.cmd.length > 0) return opts.cmd;
  const info = await docker.getImage(opts.image).inspect();
  const argv = [...(info.Config.Entrypoint ?? []), ...(info.Config.Cmd ?? [])];
  if (argv.length === 0) throw new RunnerError('RUN_FAILED', `${opts.image} has no command and none was given`);
  return argv;
}

export function containerSpec(opts: RunOptions, cmd: string[], marker: string): Docker.ContainerCreateOptions {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const memory = Math.round(limits.memoryMb * MiB);
  const env = { KAT_INPUT: INPUT_FILE, KAT_OUTPUT_DIR: OUTPUT_DIR, ...opts.env };
  return {
    Image: opts.image,
    Entrypoint: ['/bin/sh', '-c', WRAPPER, marker],
    Cmd: cmd,
    Env: Object.entries(env).map(([k, v]) => `${k}=${v}`),
    User: opts.user ?? DEFAULT_USER,
    WorkingDir: '/tmp',
    Labels: { [RUN_LABEL]: '1', ...opts.labels },
    AttachStdin: false,
    AttachStdout: false,
    AttachStderr: false,
    Tty: false,
    OpenStdin: false,
    NetworkDisabled: opts.network === 'none',
    HostConfig: {
      NetworkMode: opts.network ?? 'host',
      Privileged: false,
      CapDrop: ['ALL'],
      CapAdd: opts.capAdd ?? [],
      SecurityOpt: ['no-new-privileges'],
      ReadonlyRootfs: true,
      Tmpfs: { '/tmp': 'rw,size=64m,mode=1777', [OUTPUT_DIR]: `rw,size=${opts.outputLimitMb ?? 64}m,mode=1777` },
      Memory: memory,
      MemorySwap: memory,
      NanoCpus: Math.round(limits.cpus * 1e9),
      PidsLimit: limits.pids,
      AutoRemove: false,
    },
  };
}

function parseOutput(stdout: Buffer, marker: string, defaults: string[]): { stdout: Buffer; files: OutputFile[] } | undefined {
  const sep = Buffer.from(`\n${marker}\n`);
  const at = stdout.lastIndexOf(sep);
  if (at === -1) return undefined;
  const tar = Buffer.from(stdout.subarray(at + sep.length).toString('ascii'), 'base64');
  const entries = unpackTar(tar).map((e) => ({ ...e, name: e.name.replace(/^(\.\/)+/, '') }));
  let index: Record<string, unknown> = {};
  const indexEntry = entries.find((e) => e.name === OUTPUT_INDEX);
  if (indexEntry) {
    try {
      const parsed: unknown = JSON.parse(indexEntry.data.toString('utf8'));
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) index = parsed as Record<string, unknown>;
    } catch {
      /* a broken index only loses the mime types */
    }
  }
  const files = entries
    .filter((e) => e.name !== OUTPUT_INDEX && e.name !== '')
    .map((e) => {
      const m = index[e.name];
      const mimeTypes = Array.isArray(m) ? m.filter((x): x is string => typeof x === 'string') : typeof m === 'string' ? [m] : defaults;
      return { name: e.name, mimeTypes, content: e.data };
    });
  return { stdout: stdout.subarray(0, at), files };
}

async function removeContainer(container: Docker.Container): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await container.remove({ force: true, v: true });
      return;
    } catch (e) {
      const s = statusOf(e);
      if (s === 404) return;
      if (attempt === 4) throw new RunnerError('RUN_FAILED', `could not remove container ${container.id}: ${describeError(e)}`);
      await new Promise((r) => setTimeout(r, 100 * (attempt + 1)));
    }
  }
}

type Ending = { kind: 'exit'; code: number } | { kind: 'timeout' } | { kind: 'abort' };

/** Runs one command in a fresh, locked-down container; see the file comment. */
export async function runContainer(docker: Docker, opts: RunOptions): Promise<RunResult> {
  if (opts.signal?.aborted) throw new RunnerError('CANCELLED', 'The run was cancelled before it started');
  const t0 = performance.now();
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const marker = `--kat-output-${randomBytes(12).toString('hex')}--`;
  const cmd = await commandOf(docker, opts).catch((e: unknown) => {
    if (statusOf(e) === 404) throw new RunnerError('IMAGE_NOT_FOUND', `The image ${opts.image} does not exist; build it first`, { image: opts.image });
    if (e instanceof RunnerError) throw e;
    throw new RunnerError('RUN_FAILED', `Could not inspect ${opts.image}: ${describeError(e)}`, { image: opts.image });
  });

  let container: Docker.Container;
  try {
    container = await docker.createContainer(containerSpec(opts, cmd, marker));
  } catch (e) {
    if (statusOf(e) === 404) throw new RunnerError('IMAGE_NOT_FOUND', `The image ${opts.image} does not exist; build it first`, { image: opts.image });
    throw new RunnerError('RUN_FAILED', `The engine refused to create the container: ${describeError(e)}`, { image: opts.image });
  }

  const waits = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  try {
    if (opts.input !== undefined) {
      const tar = packTar([
        { name: `${INPUT_DIR.slice(1)}/`, data: Buffer.alloc(0) },
        { name: INPUT_FILE.slice(1), data: inputBytes(opts.input), mode: 0o444 },
      ]);
      await container.putArchive(tar, { path: '/' });
    }
    await opts.onCreated?.(container);

    // 'next-exit' registered before start returns as soon as it exits; the plain wait after start is the safety net.
    const exited = (p: Promise<{ StatusCode: number }>) => p.then((r): Ending => ({ kind: 'exit', code: r.StatusCode }));
    const early = exited(container.wait({ condition: 'next-exit', abortSignal: waits.signal }));
    early.catch(() => undefined);
    await container.start();
    const late = exited(container.wait({ abortSignal: waits.signal }));
    late.catch(() => undefined);
    const timeout = new Promise<Ending>((resolve) => {
      timer = setTimeout(() => resolve({ kind: 'timeout' }), limits.timeoutSeconds * 1000);
    });
    const aborted = new Promise<Ending>((resolve) => {
      onAbort = () => resolve({ kind: 'abort' });
      if (opts.signal?.aborted) onAbort();
      else opts.signal?.addEventListener('abort', onAbort, { once: true });
    });
    const ending = await Promise.race([early, late, timeout, aborted]);
    if (ending.kind !== 'exit') {
      await container.kill({ signal: 'SIGKILL' }).catch(() => undefined);
      await container.wait({ abortSignal: AbortSignal.timeout(30_000) }).catch(() => undefined);
    }

    const raw = demuxLogs((await container.logs({ stdout: true, stderr: true, follow: false })) as unknown as Buffer);
    const parsed = ending.kind === 'exit' ? parseOutput(raw.stdout, marker, opts.defaultMimeTypes ?? ['application/octet-stream']) : undefined;
    const logLimit = opts.logLimitBytes ?? MiB;
    const out = capTail(parsed?.stdout ?? raw.stdout, logLimit);
    const err = capTail(raw.stderr, logLimit);
    let error: RunnerErrorPayload | undefined;
    if (ending.kind === 'timeout') {
      error = { code: 'RUN_TIMEOUT', message: `The container ran longer than its ${limits.timeoutSeconds} s limit and was killed`, details: { timeoutSeconds: limits.timeoutSeconds } };
    } else if (ending.kind === 'abort') {
      error = { code: 'CANCELLED', message: 'The run was cancelled and its container killed' };
    } else if (!parsed) {
      error = { code: 'RUN_FAILED', message: 'The container exited without handing back its /out directory (was it killed, or does the image lack /bin/sh, tar or base64?)' };
    } else if (ending.code !== 0) {
      const state = (await container.inspect().catch(() => undefined))?.State;
      if (state?.OOMKilled) error = { code: 'RUN_FAILED', message: `The container ran out of memory (limit ${limits.memoryMb} MB) and was killed` };
    }
    return {
      containerId: container.id,
      exitCode: ending.kind === 'exit' ? ending.code : null,
      stdout: out.text,
      stderr: err.text,
      stdoutTruncated: out.truncated,
      stderrTruncated: err.truncated,
      files: parsed?.files ?? [],
      durationMs: Math.round(performance.now() - t0),
      timedOut: ending.kind === 'timeout',
      error,
    };
  } catch (e) {
    if (e instanceof RunnerError) throw e;
    throw new RunnerError('RUN_FAILED', `Running ${opts.image} failed: ${describeError(e)}`, { image: opts.image });
  } finally {
    clearTimeout(timer);
    if (onAbort) opts.signal?.removeEventListener('abort', onAbort);
    waits.abort();
    await removeContainer(container);
  }
}

/** Removes containers a crashed process left behind (label org.kattegat.run); returns how many. */
export async function removeStaleContainers(docker: Docker): Promise<number> {
  const list = await docker.listContainers({ all: true, filters: { label: [`${RUN_LABEL}=1`] } });
  for (const c of list) await removeContainer(docker.getContainer(c.Id));
  return list.length;
}
