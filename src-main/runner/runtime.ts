/**
 * The container runtime behind the task runner: one small interface (status + run one boefje), so
 * the runner's logic can be exercised with a recording double in property tests while every other
 * test uses the real engine. DockerRuntime is the real one: dockerode against Docker or podman.
 */
import type { EngineStatus } from '../api/contracts/scans';
import type { Clock } from '../common/clock';
import { connectEngine, probeEngine, type Engine, type EngineLocateOptions } from './engine';
import { contextHash, ensureImage, imageTag, type BuiltImage } from './images';
import { BASE_IMAGE_DEFAULT } from './defaults';
import { runContainer, type RunLimits, type RunResult } from './container';
import { RunnerError } from './errors';

export interface BoefjeRun {
  pluginId: string;
  version: string;
  /** the image build context (the plugin folder + manifest image.context) */
  contextDir: string;
  containerfile?: string;
  buildArgs?: Record<string, string>;
  cmd: string[];
  input: unknown;
  limits: RunLimits;
  capAdd: string[];
  defaultMimeTypes: string[];
  labels?: Record<string, string>;
  signal?: AbortSignal;
}

export interface ContainerRuntime {
  /** cached unless refresh; never throws */
  status(refresh?: boolean): Promise<EngineStatus>;
  /** builds the image when missing or stale, then runs it locked down; throws RunnerError */
  run(r: BoefjeRun): Promise<RunResult & { image: string }>;
  close?(): Promise<void>;
}

export interface DockerRuntimeOptions extends EngineLocateOptions {
  /** BASE_IMAGE build argument for boefje images */
  baseImage?: string;
  clock?: Clock;
}

export class DockerRuntime implements ContainerRuntime {
  private engine: Promise<Engine> | undefined;
  private cached: EngineStatus | undefined;
  private readonly builds = new Map<string, Promise<BuiltImage>>();
  /** images verified up to date in this process: key -> context hash (skips an inspect per task) */
  private readonly verified = new Map<string, string>();

  constructor(private readonly opts: DockerRuntimeOptions = {}) {}

  async status(refresh = false): Promise<EngineStatus> {
    if (this.cached && !refresh) return this.cached;
    const checkedAt = (this.opts.clock?.now() ?? new Date()).toISOString();
    const p = await probeEngine(this.opts);
    this.cached = p.available
      ? { available: true, socket: p.socket, version: p.version, flavour: p.flavour, checkedAt }
      : { available: false, reason: p.reason, hint: p.hint, tried: p.tried, checkedAt };
    if (!p.available) this.engine = undefined;
    return this.cached;
  }

  private docker(): Promise<Engine> {
    this.engine ??= connectEngine(this.opts).catch((e: unknown) => {
      this.engine = undefined;
      throw e;
    });
    return this.engine;
  }

  async run(r: BoefjeRun): Promise<RunResult & { image: string }> {
    const { docker } = await this.docker();
    const key = `${r.pluginId}:${r.version}:${r.contextDir}`;
    const image = await this.image(docker, key, r);
    if (r.signal?.aborted) throw new RunnerError('CANCELLED', 'The task was cancelled before its container started');
    const spec = { image, cmd: r.cmd, input: r.input, limits: r.limits, capAdd: r.capAdd, defaultMimeTypes: r.defaultMimeTypes, labels: r.labels, signal: r.signal };
    try {
      return { ...(await runContainer(docker, spec)), image };
    } catch (e) {
      // removed behind our back since it was verified: build it again, once
      if (!(e instanceof RunnerError && e.code === 'IMAGE_NOT_FOUND') || !this.verified.delete(key)) throw e;
      return { ...(await runContainer(docker, { ...spec, image: await this.image(docker, key, r) })), image };
    }
  }

  /** The boefje's image, built when missing or stale; concurrent tasks of one boefje share one build. */
  private async image(docker: Engine['docker'], key: string, r: BoefjeRun): Promise<string> {
    const hash = contextHash(r.contextDir, { BASE_IMAGE: this.opts.baseImage ?? BASE_IMAGE_DEFAULT, ...r.buildArgs });
    if (this.verified.get(key) === hash) return imageTag(r.pluginId, r.version);
    let build = this.builds.get(key);
    if (!build) {
      build = ensureImage(docker, {
        contextDir: r.contextDir,
        containerfile: r.containerfile,
        pluginId: r.pluginId,
        version: r.version,
        baseImage: this.opts.baseImage,
        buildArgs: r.buildArgs,
        signal: r.signal,
      }).finally(() => this.builds.delete(key));
      this.builds.set(key, build);
    }
    const built = await build;
    this.verified.set(key, built.contextHash);
    return built.image;
  }
}

/** The runtime of a core that was told not to scan (engine: false). */
export class NoRuntime implements ContainerRuntime {
  constructor(private readonly reason = 'Scanning is turned off in this core (no container engine configured)') {}
  async status(): Promise<EngineStatus> {
    return { available: false, reason: this.reason, hint: 'Start Kattegat without --no-engine, with a Docker-compatible engine running.', tried: [], checkedAt: new Date().toISOString() };
  }
  async run(): Promise<never> {
    throw new RunnerError('ENGINE_UNAVAILABLE', this.reason);
  }
}
