/**
 * Which hostnames the missing-spf / -dmarc / -dkim / -caa bits judge, shared so the four agree.
 * A finding about a missing record is only fair when we know the name was looked up and exists:
 *
 * - scanned: the name owns at least one DNS record (SOA, NS, A, AAAA, MX, TXT, CAA ...). A name we
 *   only know as the target of an MX or NS record, or one whose lookup returned no data, owns none.
 * - not NXDOMAIN: a name that does not exist needs no mail or CAA policy.
 * - not an alias: a name with a CNAME record takes every record from its target (the DNS normalizer
 *   files them under the target), so the target is judged instead.
 * - apex: the name is its own registered domain; when that is unknown, the apex of its DNS zone
 *   (Hostname.dns_zone, set from the SOA) or the owner of an SOA record. Unknown counts as not apex.
 * - mail domain: the name has an MX record that names a mail server (a null MX "0 ." says the
 *   domain receives no mail).
 */
import { normalizeObject, type OOI } from '../../../src-main/graph/model';

export interface DnsScope {
  /** scanned, exists and is not an alias: its own records tell the whole story */
  judged: boolean;
  apex: boolean;
  mailDomain: boolean;
  /** the TXT records the name owns */
  txt: readonly OOI[];
  /** the CAA records the name owns */
  caa: readonly OOI[];
}

/** `records`: every DNSRecord the hostname owns; `nxdomains`: its NXDOMAIN objects. */
export function dnsScope(host: OOI, records: readonly OOI[], nxdomains: readonly OOI[]): DnsScope {
  const of = (type: string) => records.filter((r) => r.type === type);
  const judged = records.length > 0 && nxdomains.length === 0 && of('DNSCNAMERecord').length === 0;
  const registered = host.data.registered_domain;
  const zone = host.data.dns_zone;
  const apex =
    typeof registered === 'string'
      ? registered === host.pk
      : typeof zone === 'string'
        ? zone === normalizeObject('DNSZone', { hostname: host.pk }).pk
        : of('DNSSOARecord').length > 0;
  const mailDomain = of('DNSMXRecord').some((r) => typeof r.data.mail_hostname === 'string');
  return { judged, apex, mailDomain, txt: of('DNSTXTRecord'), caa: of('DNSCAARecord') };
}
