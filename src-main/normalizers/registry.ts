/**
 * Every normalizer's code, by plugin id. The manifests (plugins/normalizers/<id>/manifest.json) are
 * loaded by the catalogue; the pure functions are bundled into the main process from here.
 */
import type { Normalize } from './types';
import { normalizeDns } from '../../plugins/normalizers/kat_dns_normalizer/normalize';
import { normalizeNmap } from '../../plugins/normalizers/kat_nmap_normalizer/normalize';
import { normalizeSslCertificates } from '../../plugins/normalizers/kat_ssl_certificates_normalizer/normalize';
import { normalizeWebpageAnalysis } from '../../plugins/normalizers/kat_webpage_analysis_normalizer/normalize';

export const NORMALIZERS: Readonly<Record<string, Normalize>> = {
  kat_dns_normalizer: normalizeDns,
  kat_nmap_normalizer: normalizeNmap,
  kat_ssl_certificates_normalizer: normalizeSslCertificates,
  kat_webpage_analysis_normalizer: normalizeWebpageAnalysis,
};

export function normalizerFor(id: string): Normalize | undefined {
  return Object.prototype.hasOwnProperty.call(NORMALIZERS, id) ? NORMALIZERS[id] : undefined;
}
