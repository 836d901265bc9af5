/**
 * missing-caa: KAT-NO-CAA on a domain apex without CAA records, so any certificate authority may
 * issue certificates for it. Judged only for names that were scanned, exist and are no alias (see
 * ../missing-spf/dns-scope.ts), and only for the apex: authorities look for CAA at the name and then
 * at each parent (RFC 8659 3), so a subdomain is covered by its apex and one finding per domain is
 * enough. (When the registered domain is unknown, the apex of a delegated zone counts as an apex.)
 */
import { katFinding } from '../../../src-main/bits/helpers';
import type { BitFn } from '../../../src-main/bits/types';
import { dnsScope } from '../missing-spf/dns-scope';

export const missingCaa: BitFn = ({ source, params }) => {
  const scope = dnsScope(source, params.records, params.nxdomains);
  if (!scope.judged || !scope.apex || scope.caa.length > 0) return [];
  return [katFinding(source.pk, 'KAT-NO-CAA', `${String(source.data.name)} has no CAA record, so every certificate authority may issue certificates for it.`)];
};
