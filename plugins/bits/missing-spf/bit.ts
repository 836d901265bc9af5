/**
 * missing-spf: KAT-NO-SPF on a hostname that publishes no SPF policy, i.e. none of its TXT records
 * starts with "v=spf1" (an invalid policy is spf-discovery's KAT-INVALID-SPF, not this finding).
 * Judged only for names that were scanned, exist and are no alias (see dns-scope.ts), and only
 * for the apex of a domain or a name with its own mail servers: SPF is looked up for the exact
 * domain in the envelope sender, and those are the names that show up there. Other subdomains
 * (www, api ...) are left out, as their apex is checked.
 */
import { katFinding } from '../../../src-main/bits/helpers';
import type { BitFn } from '../../../src-main/bits/types';
import { isSpfRecord } from '../spf-discovery/spf-parse';
import { dnsScope } from './dns-scope';

export const missingSpf: BitFn = ({ source, params }) => {
  const scope = dnsScope(source, params.records, params.nxdomains);
  if (!scope.judged || !(scope.apex || scope.mailDomain)) return [];
  if (scope.txt.some((r) => isSpfRecord(String(r.data.value ?? '')))) return [];
  return [katFinding(source.pk, 'KAT-NO-SPF', `${String(source.data.name)} publishes no SPF record, so anyone can send mail in its name.`)];
};
