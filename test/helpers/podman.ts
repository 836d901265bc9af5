/**
 * The container engine for integration tests: podman's Docker API in CI (.ci/run sets DOCKER_HOST),
 * or whatever engine the developer runs. Without one, tests FAIL under CI and skip locally, naming
 * what is missing. The base image is prepared once per machine (cached tarball; a lock keeps
 * parallel test files from building it twice).
 */
import { describeNeeding } from './ci';
import type Docker from 'dockerode';
import { connectEngine, probeEngine, type Engine } from '../../src-main/runner/engine';
import { prepareBaseImage, type PrepareBaseResult } from '../../src-main/runner/base-image';

/** Generous: the first run on a fresh machine debootstraps (~70-100 s) before importing. */
export const BASE_IMAGE_TIMEOUT_MS = 15 * 60 * 1000;

export type TestEngine = { engine: Engine; missing: null } | { engine: null; missing: string };

let found: Promise<TestEngine> | undefined;

/** The reachable engine, or why there is none. */
export function findTestEngine(): Promise<TestEngine> {
  return (found ??= (async (): Promise<TestEngine> => {
    const probe = await probeEngine();
    if (!probe.available) return { engine: null, missing: `no container engine (${probe.reason}). ${probe.hint}` };
    return { engine: await connectEngine(), missing: null };
  })());
}

let base: Promise<PrepareBaseResult> | undefined;

/** localhost/kattegat-base:bookworm exists afterwards (built at most once per process). */
export function ensureBaseImage(docker: Docker): Promise<PrepareBaseResult> {
  return (base ??= prepareBaseImage(docker, {
    onProgress: (p) => {
      if (p.step !== 'debootstrap' || /^(debootstrap|Base system)/.test(p.message)) process.stderr.write(`[base image] ${p.step}: ${p.message}\n`);
    },
  }));
}

/** describe() that runs only with an engine (see describeNeeding). */
export function describeWithEngine(name: string, missing: string | null, fn: () => void): void {
  describeNeeding(name, missing, fn);
}
