/**
 * Every normalizer's code, by plugin id. The manifests (plugins/normalizers/<id>/manifest.json) are
 * loaded by the catalogue; the pure functions are bundled into the main process from here.
 */
import type { Normalize } from './types';
import { normalizeDns } from '../../plugins/normalizers/kat_dns_normalizer/normalize';
import { normalizeNmap } from '../../plugins/normalizers/kat_nmap_normalizer/normalize';

export const NORMALIZERS: Readonly<Record<string, Normalize>> = {
  // filled in as each normalizer lands: 'kat_nmap_normalizer': normalizeNmap, ...
  kat_dns_normalizer: normalizeDns,
  kat_nmap_normalizer: normalizeNmap,
};

export function normalizerFor(id: string): Normalize | undefined {
  return Object.prototype.hasOwnProperty.call(NORMALIZERS, id) ? NORMALIZERS[id] : undefined;
}
