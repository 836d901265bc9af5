import type { BitFn } from './types';
import { dnsResolving } from '../../plugins/bits/dns-resolving/bit';
import { dnsAliasResolving } from '../../plugins/bits/dns-alias-resolving/bit';
import { spfDiscovery } from '../../plugins/bits/spf-discovery/bit';
import { missingSpf } from '../../plugins/bits/missing-spf/bit';
import { missingDmarc } from '../../plugins/bits/missing-dmarc/bit';
import { missingDkim } from '../../plugins/bits/missing-dkim/bit';
import { missingCaa } from '../../plugins/bits/missing-caa/bit';
import { nxdomainFlag } from '../../plugins/bits/nxdomain-flag/bit';
import { ipv6Webservers } from '../../plugins/bits/ipv6-webservers/bit';
import { ipv6OnNameservers } from '../../plugins/bits/ipv6-on-nameservers/bit';

export const DNS_BITS: Readonly<Record<string, BitFn>> = {
  'dns-resolving': dnsResolving,
  'dns-alias-resolving': dnsAliasResolving,
  'spf-discovery': spfDiscovery,
  'missing-spf': missingSpf,
  'missing-dmarc': missingDmarc,
  'missing-dkim': missingDkim,
  'missing-caa': missingCaa,
  'nxdomain-flag': nxdomainFlag,
  'ipv6-webservers': ipv6Webservers,
  'ipv6-on-nameservers': ipv6OnNameservers,
};
