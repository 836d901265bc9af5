/**
 * missing-dkim: KAT-NO-DKIM on a mail domain without evidence of DKIM. DKIM keys sit at
 * <selector>._domainkey.<name> and selectors cannot be listed, so absence can only be inferred from
 * a scanner's DKIMExists object (made when the _domainkey name exists). The bit therefore judges
 * only names that were scanned, exist, are no alias and have an MX record naming a mail server:
 * there mail is clearly in use, and a missing DKIMExists is the only DKIM signal we have.
 * It is off by default: no boefje in this repository looks up _domainkey yet, so until one does,
 * every mail domain would be reported, including those that sign their mail.
 */
import { katFinding } from '../../../src-main/bits/helpers';
import type { BitFn } from '../../../src-main/bits/types';
import { dnsScope } from '../missing-spf/dns-scope';

export const missingDkim: BitFn = ({ source, params }) => {
  const scope = dnsScope(source, params.records, params.nxdomains);
  if (!scope.judged || !scope.mailDomain || params.dkim.length > 0) return [];
  return [katFinding(source.pk, 'KAT-NO-DKIM', `${String(source.data.name)} receives mail but shows no sign of DKIM (no _domainkey name found).`)];
};
