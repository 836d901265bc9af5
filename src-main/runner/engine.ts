/**
 * Finding and talking to a Docker-compatible engine (Docker, or podman's Docker API) via dockerode.
 * Where to look, in order: an explicit socket, DOCKER_HOST, /var/run/docker.sock, podman's sockets
 * (/run/kat-podman.sock as the project's CI starts it, then $XDG_RUNTIME_DIR/podman/podman.sock).
 * probeEngine never throws: the app runs without an engine and shows the hint instead.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Docker from 'dockerode';
import { describeError, RunnerError } from './errors';

export interface EngineEndpoint {
  /** how it is shown to a user: 'unix:///run/kat-podman.sock' or 'tcp://host:2375' */
  label: string;
  options: Docker.DockerOptions;
  /** where it came from */
  source: 'explicit' | 'DOCKER_HOST' | 'default';
}

export interface EngineLocateOptions {
  /** a unix socket path (or 'unix://...' / 'tcp://...' URL) to use and nothing else */
  socket?: string;
  env?: NodeJS.ProcessEnv;
}

export type EngineProbe =
  | { available: true; socket: string; version: string; apiVersion: string; flavour: 'docker' | 'podman'; os: string; arch: string }
  | { available: false; reason: string; hint: string; tried: string[] };

export interface Engine {
  docker: Docker;
  socket: string;
  version: string;
  flavour: 'docker' | 'podman';
}

/** A missing socket fails at once; a busy engine (podman while it builds or removes images) may take seconds. */
export const PROBE_TIMEOUT_MS = 10_000;

export const ENGINE_HINT =
  'Start a Docker-compatible engine: Docker (`sudo systemctl start docker`, or Docker Desktop), or podman\'s ' +
  'Docker API (`podman system service --time=0 unix:///run/kat-podman.sock &`, or `systemctl --user start podman.socket`), ' +
  'then point Kattegat at it with DOCKER_HOST (e.g. DOCKER_HOST=unix:///run/kat-podman.sock) if it is not at /var/run/docker.sock.';

function endpointFromUrl(url: string, source: EngineEndpoint['source']): EngineEndpoint {
  if (url.startsWith('unix://')) {
    const socketPath = url.slice('unix://'.length);
    return { label: url, options: { socketPath }, source };
  }
  if (url.startsWith('tcp://') || url.startsWith('http://') || url.startsWith('https://')) {
    const u = new URL(url.replace(/^tcp:/, 'http:'));
    const protocol = url.startsWith('https://') ? 'https' : 'http';
    return { label: url, options: { host: u.hostname, port: Number(u.port || (protocol === 'https' ? 2376 : 2375)), protocol }, source };
  }
  // a bare path
  return { label: `unix://${url}`, options: { socketPath: url }, source };
}

/** Every endpoint worth trying, best first. An explicit socket or DOCKER_HOST is the only candidate. */
export function engineCandidates(opts: EngineLocateOptions = {}): EngineEndpoint[] {
  const env = opts.env ?? process.env;
  if (opts.socket) return [endpointFromUrl(opts.socket, 'explicit')];
  if (env.DOCKER_HOST) return [endpointFromUrl(env.DOCKER_HOST, 'DOCKER_HOST')];
  const paths = ['/var/run/docker.sock', '/run/kat-podman.sock'];
  if (env.XDG_RUNTIME_DIR) paths.push(join(env.XDG_RUNTIME_DIR, 'podman', 'podman.sock'));
  paths.push('/run/podman/podman.sock');
  return paths.map((p) => endpointFromUrl(p, 'default'));
}

async function versionOf(ep: EngineEndpoint, timeoutMs: number): Promise<Docker.DockerVersion> {
  const docker = new Docker({ ...ep.options, timeout: timeoutMs });
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      docker.version(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms (is the engine overloaded?)`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function flavourOf(v: Docker.DockerVersion): 'docker' | 'podman' {
  const comps = (v as { Components?: { Name?: string }[] }).Components ?? [];
  return comps.some((c) => /podman/i.test(c.Name ?? '')) ? 'podman' : 'docker';
}

/** Which engine answers, and its version; never throws. */
export async function probeEngine(opts: EngineLocateOptions & { timeoutMs?: number } = {}): Promise<EngineProbe> {
  const tried: string[] = [];
  const reasons: string[] = [];
  for (const ep of engineCandidates(opts)) {
    tried.push(ep.label);
    const path = ep.options.socketPath;
    if (typeof path === 'string' && ep.source === 'default' && !existsSync(path)) {
      reasons.push(`${ep.label}: no such socket`);
      continue;
    }
    try {
      const v = await versionOf(ep, opts.timeoutMs ?? PROBE_TIMEOUT_MS);
      return {
        available: true,
        socket: ep.label,
        version: v.Version,
        apiVersion: v.ApiVersion,
        flavour: flavourOf(v),
        os: v.Os,
        arch: v.Arch,
      };
    } catch (e) {
      reasons.push(`${ep.label}: ${describeError(e)}`);
    }
  }
  return { available: false, reason: `No container engine answered (${reasons.join('; ')})`, hint: ENGINE_HINT, tried };
}

/** The first engine that answers, as a dockerode client; ENGINE_UNAVAILABLE (with the hint) otherwise. */
export async function connectEngine(opts: EngineLocateOptions & { timeoutMs?: number } = {}): Promise<Engine> {
  const probe = await probeEngine(opts);
  if (!probe.available) throw new RunnerError('ENGINE_UNAVAILABLE', probe.reason, { hint: probe.hint, tried: probe.tried });
  const ep = engineCandidates(opts).find((c) => c.label === probe.socket)!;
  return { docker: new Docker(ep.options), socket: probe.socket, version: probe.version, flavour: probe.flavour };
}
