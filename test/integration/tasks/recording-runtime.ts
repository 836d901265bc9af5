/**
 * A container runtime double for the task runner's LOGIC (scan safety, queue semantics): it starts
 * no container but records every run with the input object's level read from the real database at
 * that moment. The real engine is exercised by test/integration/boefjes and the e2e scan test.
 */
import type { EngineStatus } from '../../../src-main/api/contracts/scans';
import type { Database } from '../../../src-main/db/database';
import { levelOf } from '../../../src-main/levels/repository';
import type { BoefjeBatchInput, BoefjeInput } from '../../../src-main/runner/boefje-input';
import type { RunResult } from '../../../src-main/runner/container';
import { RunnerError } from '../../../src-main/runner/errors';
import type { BoefjeRun, ContainerRuntime } from '../../../src-main/runner/runtime';

export interface RecordedRun {
  org: string;
  pluginId: string;
  pk: string;
  /** the object's level in the database when the container would have started */
  levelAtStart: number;
  /** for an input of a multi-input run: its entry with the run's boefje and settings */
  input: BoefjeInput;
  /** which container (index into `containers`) */
  container: number;
}

/** One container start: the inputs it got (one, or many for a multiInput boefje). */
export interface RecordedContainer {
  pluginId: string;
  pks: string[];
  batch: boolean;
}

export type Behaviour = (r: BoefjeRun, input: BoefjeInput & Partial<BoefjeBatchInput>) => Promise<Partial<RunResult>> | Partial<RunResult>;

export class RecordingRuntime implements ContainerRuntime {
  /** one entry per input (a multi-input run adds one per input) */
  readonly runs: RecordedRun[] = [];
  readonly containers: RecordedContainer[] = [];
  available = true;
  statusCalls = 0;

  constructor(
    private readonly db: () => Database,
    public behaviour: Behaviour = () => ({}),
  ) {}

  async status(): Promise<EngineStatus> {
    this.statusCalls++;
    const checkedAt = new Date().toISOString();
    return this.available
      ? { available: true, socket: 'unix:///recording', version: 'test', flavour: 'podman', checkedAt }
      : { available: false, reason: 'no engine (test)', hint: 'start one', tried: ['unix:///recording'], checkedAt };
  }

  async run(r: BoefjeRun): Promise<RunResult & { image: string }> {
    if (!this.available) throw new RunnerError('ENGINE_UNAVAILABLE', 'no engine (test)');
    const org = r.labels?.['org.kattegat.org'] ?? '';
    const batch = 'inputs' in (r.input as object) ? (r.input as BoefjeBatchInput) : undefined;
    const inputs: BoefjeInput[] = batch
      ? batch.inputs.map((i) => ({ ...i, boefje: batch.boefje, settings: batch.settings }))
      : [r.input as BoefjeInput];
    const container = this.containers.push({ pluginId: r.pluginId, pks: inputs.map((i) => i.input_ooi), batch: !!batch }) - 1;
    for (const input of inputs) {
      this.runs.push({ org, pluginId: r.pluginId, pk: input.input_ooi, levelAtStart: await levelOf(this.db(), org, input.input_ooi), input, container });
    }
    const got = await this.behaviour(r, r.input as BoefjeInput & Partial<BoefjeBatchInput>);
    return {
      image: `kattegat/${r.pluginId}:${r.version}`,
      containerId: 'recorded',
      exitCode: 0,
      stdout: '',
      stderr: '',
      stdoutTruncated: false,
      stderrTruncated: false,
      files: [],
      durationMs: 1,
      timedOut: false,
      ...got,
    };
  }
}
