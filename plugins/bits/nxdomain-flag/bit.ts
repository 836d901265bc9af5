/** nxdomain-flag: KAT-NXDOMAIN on a hostname that a name server said does not exist (an NXDOMAIN object). */
import { katFinding } from '../../../src-main/bits/helpers';
import type { BitFn } from '../../../src-main/bits/types';

export const nxdomainFlag: BitFn = ({ source, params }) =>
  params.nxdomains.length === 0 ? [] : [katFinding(source.pk, 'KAT-NXDOMAIN', `${String(source.data.name)} does not exist in DNS (NXDOMAIN).`)];
