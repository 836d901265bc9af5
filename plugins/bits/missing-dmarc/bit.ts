/**
 * missing-dmarc: KAT-NO-DMARC on a hostname without a DMARC policy. The same names as missing-spf
 * are judged (scanned, existing, no alias; the apex or a name with its own mail servers, see
 * ../missing-spf/dns-scope.ts). A policy counts when a DMARCTXTRecord starting with "v=DMARC1"
 * belongs to the name itself, or, as receivers fall back to the organisational domain (RFC 7489
 * 6.6.3), to its registered domain or to the apex of its DNS zone. TXT records at _dmarc that are
 * no DMARC policy are ignored, as receivers ignore them.
 */
import type { OOI } from '../../../src-main/graph/model';
import { katFinding } from '../../../src-main/bits/helpers';
import type { BitFn } from '../../../src-main/bits/types';
import { dnsScope } from '../missing-spf/dns-scope';

const isDmarc = (r: OOI) => /^v=DMARC1[ \t]*(;|$)/i.test(String(r.data.value ?? '').trim());

export const missingDmarc: BitFn = ({ source, params }) => {
  const scope = dnsScope(source, params.records, params.nxdomains);
  if (!scope.judged || !(scope.apex || scope.mailDomain)) return [];
  if ([...params.dmarc, ...params.domain_dmarc, ...params.zone_dmarc].some(isDmarc)) return [];
  return [katFinding(source.pk, 'KAT-NO-DMARC', `${String(source.data.name)} publishes no DMARC policy (no "v=DMARC1" record at _dmarc).`)];
};
