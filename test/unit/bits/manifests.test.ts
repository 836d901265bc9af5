/** Every bit folder holds a valid manifest with code in the registry, and every registered bit has a folder. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BITS } from '../../../src-main/bits/registry';
import { checkManifest } from '../../../src-main/plugins/manifest';

const root = fileURLToPath(new URL('../../../plugins/bits/', import.meta.url));
const folders = readdirSync(root)
  .filter((name) => statSync(root + name).isDirectory())
  .sort();

describe('bit manifests', () => {
  it('finds bit folders', () => {
    expect(folders.length).toBeGreaterThan(0);
  });

  it.each(folders)('%s has a valid manifest and registered code', (id) => {
    const file = `${root}${id}/manifest.json`;
    expect(existsSync(file), `${file} is missing`).toBe(true);
    const checked = checkManifest('bit', JSON.parse(readFileSync(file, 'utf8')), id);
    expect(checked.ok ? [] : checked.issues).toEqual([]);
    expect(typeof BITS[id], `plugins/bits/${id} has no code in src-main/bits/registry.ts`).toBe('function');
  });

  it('has a manifest folder for every registered bit', () => {
    expect(Object.keys(BITS).filter((id) => !folders.includes(id))).toEqual([]);
  });
});
