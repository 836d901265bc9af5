/**
 * dns-alias-resolving: for a hostname H, every name whose CNAME record points at H resolves to H's
 * addresses: ResolvedHostname(alias, address) for each ResolvedHostname of H. The bit runs on the
 * target, so a chain a -> b -> c resolves one link per run: c's addresses reach b, and the new
 * ResolvedHostnames of b (parameters of the run on b) reach a. A CNAME pointing at its own owner is
 * ignored.
 */
import { normalizeObject, type OOI } from '../../../src-main/graph/model';
import type { BitFn } from '../../../src-main/bits/types';

export const dnsAliasResolving: BitFn = ({ source, params }) => {
  const aliases = new Set(params.cname_records.map((r) => String(r.data.hostname)).filter((h) => h !== source.pk));
  const addresses = new Set(params.resolved.map((r) => String(r.data.address)));
  const out: OOI[] = [];
  for (const alias of aliases) for (const address of addresses) out.push(normalizeObject('ResolvedHostname', { hostname: alias, address }));
  return out;
};
