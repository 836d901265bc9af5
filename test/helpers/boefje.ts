/**
 * Running a real boefje in tests: its manifest (validated), its image built from the plugin folder,
 * one container run with the input a task would get (settings = the schema's defaults under the
 * given ones), and the observation saved through the real graph.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type Docker from 'dockerode';
import type { OOI } from '../../src-main/graph/model';
import { checkManifest, type BoefjeManifest } from '../../src-main/plugins/manifest';
import { boefjeInput } from '../../src-main/runner/boefje-input';
import { runContainer, type RunResult } from '../../src-main/runner/container';
import { ensureImage } from '../../src-main/runner/images';
import type { Kat } from '../../src-main/core/kat';

export function pluginDir(kind: 'boefjes' | 'normalizers', id: string): string {
  return fileURLToPath(new URL(`../../plugins/${kind}/${id}`, import.meta.url));
}

export function boefjeManifest(id: string): BoefjeManifest {
  const check = checkManifest('boefje', JSON.parse(readFileSync(`${pluginDir('boefjes', id)}/manifest.json`, 'utf8')), id);
  if (!check.ok) throw new Error(`${id}/manifest.json is invalid: ${JSON.stringify(check.issues)}`);
  return check.manifest as BoefjeManifest;
}

function defaults(m: BoefjeManifest): Record<string, unknown> {
  const props = (m.settings as { properties?: Record<string, { default?: unknown }> } | undefined)?.properties ?? {};
  return Object.fromEntries(Object.entries(props).flatMap(([k, p]) => (p.default === undefined ? [] : [[k, p.default]])));
}

export async function buildBoefje(docker: Docker, id: string): Promise<{ manifest: BoefjeManifest; image: string }> {
  const manifest = boefjeManifest(id);
  const { image } = await ensureImage(docker, { contextDir: pluginDir('boefjes', id), pluginId: id, version: manifest.version });
  return { manifest, image };
}

export async function runBoefje(
  docker: Docker,
  boefje: { manifest: BoefjeManifest; image: string },
  object: OOI,
  settings: Record<string, unknown> = {},
): Promise<RunResult> {
  const m = boefje.manifest;
  return runContainer(docker, {
    image: boefje.image,
    cmd: m.arguments,
    input: boefjeInput({ taskId: `test-${m.id}`, boefjeId: m.id, version: m.version, object, settings: { ...defaults(m), ...settings } }),
    limits: m.limits,
    defaultMimeTypes: [`boefje/${m.id}`],
  });
}

/** Declares the input, saves the normalizer's output as its observation, returns the org's primary keys. */
export async function saveObservation(kat: Kat, org: string, input: OOI, normalizer: string, boefje: string, results: OOI[]): Promise<string[]> {
  await kat.call('objects.declare', { org, object: { type: input.type, data: input.data } });
  await kat.graph.saveOrigins(org, [{ kind: 'observation', method: normalizer, sourceMethod: boefje, source: input.pk, results }]);
  const r = await kat.db.query<{ pk: string }>('SELECT pk FROM objects WHERE org = $1 ORDER BY pk', [org]);
  return r.rows.map((x) => x.pk);
}
