import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError, type ErrorPayload } from '../common/errors';
import { checkManifest, PLUGIN_ID, type PluginKind, type PluginManifest } from './manifest';

/** One plugin folder as loaded: a valid manifest, or the errors that make it broken. */
export interface LoadedPlugin {
  id: string;
  kind: PluginKind;
  /** absolute folder of the plugin */
  dir: string;
  /** the manifest file, relative to the plugins directory (for messages) */
  file: string;
  manifest: PluginManifest | null;
  /** PLUGIN_MANIFEST_INVALID errors, each with details.file and details.field; empty when valid */
  errors: ErrorPayload[];
}

const KIND_FOLDERS: readonly [PluginKind, string][] = [
  ['boefje', 'boefjes'],
  ['normalizer', 'normalizers'],
  ['bit', 'bits'],
];

/** The repository's plugins/ folder (src-main/plugins -> ../../plugins), also from the bundled out/main. */
export function defaultPluginsDir(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  for (const candidate of [join(here, '..', '..', 'plugins'), join(here, '..', '..', '..', 'plugins'), join(process.cwd(), 'plugins')]) {
    if (existsSync(join(candidate, 'boefjes')) || existsSync(join(candidate, 'normalizers'))) return candidate;
  }
  return join(process.cwd(), 'plugins');
}

/**
 * Loads every plugin under `<root>/boefjes/*`, `<root>/normalizers/*` and `<root>/bits/*`. A broken manifest never
 * stops loading: the plugin is returned with its errors. Sorted by kind, then id.
 */
export function loadPlugins(root: string): LoadedPlugin[] {
  const out: LoadedPlugin[] = [];
  const seen = new Map<string, LoadedPlugin>();
  for (const [kind, folder] of KIND_FOLDERS) {
    const base = join(root, folder);
    if (!existsSync(base)) continue;
    for (const name of readdirSync(base).sort()) {
      const dir = join(base, name);
      if (name.startsWith('.') || !statSync(dir).isDirectory()) continue;
      const p = loadOne(root, kind, dir, name);
      const dup = seen.get(p.id);
      if (dup) {
        p.errors.push(invalid(p.file, 'id', `"${p.id}" is already used by ${dup.kind} ${relative(root, dup.dir)}; plugin ids are unique`));
        p.manifest = null;
      } else seen.set(p.id, p);
      out.push(p);
    }
  }
  return out;
}

function loadOne(root: string, kind: PluginKind, dir: string, folderName: string): LoadedPlugin {
  const path = join(dir, 'manifest.json');
  const file = relative(root, path);
  const id = PLUGIN_ID.test(folderName) ? folderName : folderName.toLowerCase().replace(/[^a-z0-9_-]/g, '-').slice(0, 64) || 'unnamed';
  const broken = (errors: ErrorPayload[]): LoadedPlugin => ({ id, kind, dir, file, manifest: null, errors });
  if (!existsSync(path)) return broken([invalid(file, '', 'the plugin folder has no manifest.json')]);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    return broken([invalid(file, '', `is not valid JSON: ${e instanceof Error ? e.message : String(e)}`)]);
  }
  const checked = checkManifest(kind, json, folderName);
  if (!checked.ok) return broken(checked.issues.map((i) => invalid(file, i.field, i.message)));
  return { id, kind, dir, file, manifest: checked.manifest, errors: [] };
}

function invalid(file: string, field: string, message: string): ErrorPayload {
  const where = field ? `"${field}": ${message}` : message;
  return new AppError('PLUGIN_MANIFEST_INVALID', `${file}: ${where}`, { file, field }).toJSON();
}
