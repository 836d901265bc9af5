/** Plain DNS objects for the missing-spf / -dmarc / -dkim / -caa tests: a scanned example.org and its names. */
import type { OOI } from '../../../src-main/graph/model';
import { o } from '../../helpers/bits';

export const N = 'Network|internet';
export const pkOf = (name: string) => `Hostname|internet|${name}`;
export const zone = (apex: string) => `DNSZone|internet|${apex}`;
/** a scanned hostname as the DNS normalizer leaves it: dns_zone from the SOA */
export const host = (name: string, apex = name, extra: Record<string, unknown> = {}) => o('Hostname', { network: N, name, dns_zone: zone(apex), ...extra });
export const apex = host('example.org');
export const www = host('www.example.org', 'example.org');

export const soa = (h: OOI) => o('DNSSOARecord', { hostname: h.pk, soa_hostname: pkOf('ns1.example.org'), value: 'ns1.example.org hostmaster.example.org 1 2 3 4 5' });
export const ns = (h: OOI) => o('DNSNSRecord', { hostname: h.pk, name_server_hostname: pkOf('ns1.example.org'), value: 'ns1.example.org' });
export const a = (h: OOI) => o('DNSARecord', { hostname: h.pk, address: 'IPAddressV4|internet|192.0.2.1', value: '192.0.2.1' });
export const txt = (h: OOI, value: string) => o('DNSTXTRecord', { hostname: h.pk, value });
export const mx = (h: OOI, server: string | null = 'mail.example.org') =>
  o('DNSMXRecord', server === null ? { hostname: h.pk, value: '0 .', preference: 0 } : { hostname: h.pk, mail_hostname: pkOf(server), preference: 10, value: `10 ${server}` });
export const cname = (h: OOI) => o('DNSCNAMERecord', { hostname: h.pk, target_hostname: apex.pk, value: 'example.org' });
export const caa = (h: OOI) => o('DNSCAARecord', { hostname: h.pk, flags: 0, tag: 'issue', value: 'letsencrypt.org' });
export const nx = (h: OOI) => o('NXDOMAIN', { hostname: h.pk });
export const dmarc = (h: OOI, value = 'v=DMARC1; p=reject') => o('DMARCTXTRecord', { hostname: h.pk, value });
export const dkim = (h: OOI) => o('DKIMExists', { hostname: h.pk });

