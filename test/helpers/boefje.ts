/**
 * Running a real boefje in a test the way the task runner will: its manifest from plugins/, its
 * image built from its folder, the input from boefjeInput() with the manifest's setting defaults,
 * the manifest's command, limits and capabilities. Then its output through the normalizer and into
 * a real graph as one observation.
 */
import { join } from 'node:path';
import type Docker from 'dockerode';
import { expect } from 'vitest';
import type { OOI } from '../../src-main/graph/model';
import { normalizerFor } from '../../src-main/normalizers/registry';
import { defaultPluginsDir, loadPlugins } from '../../src-main/plugins/loader';
import { withDefaults } from '../../src-main/plugins/json-schema';
import type { BoefjeManifest } from '../../src-main/plugins/manifest';
import { boefjeBatchInput, boefjeInput } from '../../src-main/runner/boefje-input';
import { splitBatchOutput } from '../../src-main/runner/batch';
import { runContainer, type RunResult } from '../../src-main/runner/container';
import { ensureImage } from '../../src-main/runner/images';
import type { TestKat } from './kat';

/** plugins/<kind>/<id> in the repository. */
export function pluginDir(kind: 'boefjes' | 'normalizers', id: string): string {
  return join(defaultPluginsDir(), kind, id);
}

export function boefjeManifest(id: string): { manifest: BoefjeManifest; dir: string } {
  const p = loadPlugins(defaultPluginsDir()).find((x) => x.id === id && x.kind === 'boefje');
  if (!p?.manifest) throw new Error(`no valid boefje ${id}: ${JSON.stringify(p?.errors)}`);
  return { manifest: p.manifest as BoefjeManifest, dir: p.dir };
}

/** Builds the boefje's image if needed; returns the tag. */
export async function buildBoefje(docker: Docker, id: string): Promise<string> {
  const { manifest, dir } = boefjeManifest(id);
  const built = await ensureImage(docker, {
    contextDir: join(dir, manifest.image.context),
    containerfile: manifest.image.containerfile,
    buildArgs: manifest.image.args,
    pluginId: id,
    version: manifest.version,
  });
  return built.image;
}

/**
 * One run of the boefje on one object. A multiInput boefje gets the batch format with this one
 * input, and the files of its folder come back (names relative to it), as the task runner splits them.
 */
export async function runBoefje(docker: Docker, id: string, object: OOI, settings: Record<string, unknown> = {}): Promise<RunResult> {
  const { manifest } = boefjeManifest(id);
  if (manifest.multiInput) {
    const { run, byObject } = await runBoefjeBatch(docker, id, [object], settings);
    return { ...run, files: byObject.get(object.pk)! };
  }
  const image = await buildBoefje(docker, id);
  const effective = withDefaults(manifest.settings, settings) as Record<string, unknown>;
  return runContainer(docker, {
    image,
    cmd: manifest.arguments,
    input: boefjeInput({ taskId: `test-${id}`, boefjeId: id, version: manifest.version, object, settings: effective }),
    limits: manifest.limits,
    capAdd: manifest.capabilities,
    defaultMimeTypes: [`boefje/${id}`],
  });
}

/** One run of a multiInput boefje on many objects (task ids test-0, test-1, …): the run, and per object the files of its folder. */
export async function runBoefjeBatch(
  docker: Docker,
  id: string,
  objects: readonly OOI[],
  settings: Record<string, unknown> = {},
): Promise<{ run: RunResult; byObject: Map<string, RunResult['files']>; stray: string[] }> {
  const { manifest } = boefjeManifest(id);
  const image = await buildBoefje(docker, id);
  const effective = withDefaults(manifest.settings, settings) as Record<string, unknown>;
  const inputs = objects.map((object, i) => ({ taskId: `test-${i}`, object }));
  const run = await runContainer(docker, {
    image,
    cmd: manifest.arguments,
    input: boefjeBatchInput({ boefjeId: id, version: manifest.version, settings: effective, inputs }),
    limits: manifest.limits,
    capAdd: manifest.capabilities,
    defaultMimeTypes: [`boefje/${id}`],
  });
  const split = splitBatchOutput(run.files, inputs.map((i) => i.taskId));
  return { run, byObject: new Map(inputs.map((i) => [i.object.pk, split.byTask.get(i.taskId)!])), stray: split.stray };
}

/** The one output file with `mime`, normalized by `normalizerId`. */
export function normalizeOutput(run: RunResult, mime: string, normalizerId: string, input: OOI): OOI[] {
  const files = run.files.filter((f) => f.mimeTypes.includes(mime));
  expect(files, `files: ${run.files.map((f) => f.name).join(', ')}; stderr: ${run.stderr}`).toHaveLength(1);
  const normalize = normalizerFor(normalizerId);
  if (!normalize) throw new Error(`${normalizerId} is not registered`);
  return normalize({ raw: files[0]!.content, mimeTypes: files[0]!.mimeTypes, input }).objects;
}

/** Declares `input` (with all its attributes), saves `objects` as the observation of (normalizer, boefje, input); returns the graph's pks. */
export async function observe(kat: TestKat, org: string, input: OOI, normalizerId: string, boefjeId: string, objects: OOI[]): Promise<Set<string>> {
  await kat.api('objects.declare', { org, object: { type: input.type, data: input.data } });
  await kat.graph.saveOrigins(org, [{ kind: 'observation', method: normalizerId, sourceMethod: boefjeId, source: input.pk, results: objects }]);
  const rows = await kat.db.query<{ pk: string }>('SELECT pk FROM objects WHERE org = $1', [org]);
  return new Set(rows.rows.map((r) => r.pk));
}
