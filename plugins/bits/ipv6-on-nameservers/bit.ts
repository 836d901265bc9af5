/**
 * ipv6-on-nameservers: KAT-NAMESERVER-NO-IPV6 on a hostname that some domain names as its name
 * server (an NS record pointing at it) and that has no IPv6 address (no AAAA record, no
 * ResolvedHostname to an IPAddressV6). Only judged once the name server was resolved at all (an A
 * record or a ResolvedHostname): until its own DNS scan ran, or when it does not resolve, we cannot
 * tell that IPv6 is what it lacks.
 */
import { Reference } from '../../../src-main/graph/model';
import { katFinding } from '../../../src-main/bits/helpers';
import type { BitFn } from '../../../src-main/bits/types';
import { hasIPv6 } from '../ipv6-webservers/ipv6';

export const ipv6OnNameservers: BitFn = ({ source, params }) => {
  if (params.ns_records.length === 0) return [];
  const resolved = params.a_records.length > 0 || params.resolved.length > 0;
  if (!resolved || hasIPv6(params.aaaa_records, params.resolved)) return [];
  const zones = [...new Set(params.ns_records.map((r) => String(Reference.tryFrom(String(r.data.hostname))?.keyValues.name ?? r.data.hostname)))].join(', ');
  return [katFinding(source.pk, 'KAT-NAMESERVER-NO-IPV6', `The name server ${String(source.data.name)} (for ${zones}) has no IPv6 address.`)];
};
