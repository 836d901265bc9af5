/**
 * Multi-input runs (manifest `multiInput: true`): the output of one container split back into the
 * output of each task it ran for. The convention (runner/boefje-input.ts, BoefjeBatchInput): the
 * files of task T are under the folder "T/" of /out. Pure.
 */
import type { OutputFile } from './container';

export interface SplitOutput {
  /** per task id: its files, names relative to its folder */
  byTask: Map<string, OutputFile[]>;
  /** names of files in no task's folder (dropped) */
  stray: string[];
}

export function splitBatchOutput(files: readonly OutputFile[], taskIds: readonly string[]): SplitOutput {
  const byTask = new Map<string, OutputFile[]>(taskIds.map((id) => [id, []]));
  const stray: string[] = [];
  for (const f of files) {
    const slash = f.name.indexOf('/');
    const list = slash > 0 ? byTask.get(f.name.slice(0, slash)) : undefined;
    const rest = slash > 0 ? f.name.slice(slash + 1) : '';
    if (!list || rest === '') stray.push(f.name);
    else list.push({ ...f, name: rest });
  }
  return { byTask, stray };
}
