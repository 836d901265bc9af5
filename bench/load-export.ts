/**
 * Imports a function from a module that may not exist yet (query modules land in parallel). The
 * specifier is computed, so the type checker does not require the file; a missing file or export
 * is a clear error for the metric that needs it.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

export async function loadExport<F>(repoPath: string, exportName: string): Promise<F> {
  const file = fileURLToPath(new URL(`../${repoPath}`, import.meta.url));
  if (!existsSync(file)) throw new Error(`${repoPath} does not exist yet (needed: ${exportName})`);
  const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const fn = mod[exportName];
  if (typeof fn !== 'function') throw new Error(`${repoPath} does not export a function ${exportName}`);
  return fn as F;
}
