/** dns-resolving: Hostname + its A/AAAA records -> ResolvedHostname(hostname, address) per address. */
import { normalizeObject } from '../../../src-main/graph/model';
import type { BitFn } from '../../../src-main/bits/types';

export const dnsResolving: BitFn = ({ source, params }) =>
  [...params.a_records, ...params.aaaa_records].map((r) => normalizeObject('ResolvedHostname', { hostname: source.pk, address: r.data.address }));
