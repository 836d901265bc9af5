/**
 * ipv6-webservers: KAT-WEBSERVER-NO-IPV6 on a hostname that serves at least one website (a Website
 * on it) but has no IPv6 address: no AAAA record and no ResolvedHostname to an IPAddressV6 (the
 * latter covers names that are an alias of a host with IPv6).
 */
import { katFinding } from '../../../src-main/bits/helpers';
import type { BitFn } from '../../../src-main/bits/types';
import { hasIPv6 } from './ipv6';

export const ipv6Webservers: BitFn = ({ source, params }) => {
  if (params.websites.length === 0 || hasIPv6(params.aaaa_records, params.resolved)) return [];
  return [katFinding(source.pk, 'KAT-WEBSERVER-NO-IPV6', `The website on ${String(source.data.name)} cannot be reached over IPv6: the name has no IPv6 address.`)];
};
