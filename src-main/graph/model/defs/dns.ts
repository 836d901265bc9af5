/** Hostnames, zones and DNS records. */
import { host, int, key, oneOf, ref, req, sha1, str, type TypeSpec } from './dsl.js';

export const DNS_RECORD_TYPES = ['A', 'AAAA', 'CAA', 'CNAME', 'MX', 'NS', 'PTR', 'SOA', 'SRV', 'TXT'] as const;
export const CAA_TAGS = ['issue', 'issuewild', 'iodef', 'contactemail', 'contactphone', 'issuevmc', 'issuemail'] as const;

/** Each record subtype pins `dns_record_type` to its own value. */
function recordType(value: string) {
  return oneOf('dns_record_type', [value], { default: value });
}

export const dnsTypes: TypeSpec[] = [
  {
    name: 'Hostname',
    fields: [
      ref('network', 'Network', 'hostnames', [null, null], req),
      host('name', req),
      ref('dns_zone', 'DNSZone', 'hostnames', [1, 2]),
      ref('registered_domain', 'Hostname', 'subdomains', [1, 2]),
    ],
    key: key('network', 'name'),
    description: 'A DNS name within a network, stored lowercase in its ASCII (punycode) form.',
  },
  {
    name: 'DNSZone',
    fields: [ref('hostname', 'Hostname', 'dns_zones', [2, 1], req), ref('parent', 'DNSZone', 'child_dns_zones', [0, 1])],
    key: key('hostname'),
    description: 'A delegated part of the DNS tree, named after its apex hostname.',
  },
  {
    name: 'ResolvedHostname',
    fields: [
      ref('hostname', 'Hostname', 'resolved_hostnames', [0, 4], req),
      ref('address', 'IPAddress', 'resolved_hostnames', [4, 0], req),
    ],
    key: key('hostname', 'address'),
    description: 'The fact that a hostname resolves to an address; clearance flows both ways through it.',
  },
  {
    name: 'DNSRecord',
    abstract: true,
    fields: [
      ref('hostname', 'Hostname', 'dns_records', [0, 2], req),
      oneOf('dns_record_type', DNS_RECORD_TYPES),
      str('value', req),
      int('ttl', { min: 0 }),
    ],
    key: key('hostname', 'value'),
    description: 'One resource record published for a hostname.',
  },
  {
    name: 'DNSARecord',
    parent: 'DNSRecord',
    fields: [recordType('A'), ref('address', 'IPAddressV4', 'dns_a_records', [null, null], req)],
    reverse: { hostname: 'dns_a_records' },
    description: 'An A record pointing a hostname at an IPv4 address.',
  },
  {
    name: 'DNSAAAARecord',
    parent: 'DNSRecord',
    fields: [recordType('AAAA'), ref('address', 'IPAddressV6', 'dns_aaaa_records', [null, null], req)],
    reverse: { hostname: 'dns_aaaa_records' },
    description: 'An AAAA record pointing a hostname at an IPv6 address.',
  },
  {
    name: 'DNSMXRecord',
    parent: 'DNSRecord',
    fields: [recordType('MX'), ref('mail_hostname', 'Hostname', 'mail_server_of', [null, 1]), int('preference', { min: 0 })],
    reverse: { hostname: 'dns_mx_records' },
    description: 'An MX record naming a mail server for the domain.',
  },
  {
    name: 'DNSNSRecord',
    parent: 'DNSRecord',
    fields: [recordType('NS'), ref('name_server_hostname', 'Hostname', 'ns_record_targets', [1, 0], req)],
    reverse: { hostname: 'dns_ns_records' },
    description: 'An NS record naming an authoritative name server.',
  },
  {
    name: 'DNSCNAMERecord',
    parent: 'DNSRecord',
    fields: [recordType('CNAME'), ref('target_hostname', 'Hostname', 'cname_target_of', [null, null], req)],
    reverse: { hostname: 'dns_cname_records' },
    description: 'A CNAME record making a hostname an alias of another.',
  },
  {
    name: 'DNSTXTRecord',
    parent: 'DNSRecord',
    fields: [recordType('TXT')],
    key: key('hostname', sha1('value')),
    reverse: { hostname: 'dns_txt_records' },
    description: 'A free-text TXT record; its key carries the SHA-1 of the text.',
  },
  {
    name: 'DNSSOARecord',
    parent: 'DNSRecord',
    fields: [
      recordType('SOA'),
      ref('soa_hostname', 'Hostname', 'subject_of_dns_soa_records', [null, null], req),
      int('serial', { min: 0 }),
      int('retry', { min: 0 }),
      int('refresh', { min: 0 }),
      int('expire', { min: 0 }),
      int('minimum', { min: 0 }),
    ],
    key: key('hostname', 'soa_hostname'),
    reverse: { hostname: 'dns_soa_records' },
    description: 'The start-of-authority record with the timers of a zone.',
  },
  {
    name: 'DNSPTRRecord',
    parent: 'DNSRecord',
    fields: [recordType('PTR'), ref('address', 'IPAddress', 'ptr_record_ip', [null, null], req)],
    key: key('hostname', 'address'),
    reverse: { hostname: 'dns_ptr_records' },
    description: 'A reverse-lookup record mapping an address back to a hostname.',
  },
  {
    name: 'DNSCAARecord',
    parent: 'DNSRecord',
    fields: [recordType('CAA'), int('flags', { min: 0, max: 255 }), oneOf('tag', CAA_TAGS, req)],
    key: key('hostname', 'flags', 'tag', 'value'),
    reverse: { hostname: 'dns_caa_records' },
    description: 'A CAA record limiting which certificate authorities may issue for the name.',
  },
  {
    name: 'NXDOMAIN',
    fields: [ref('hostname', 'Hostname', 'nxdomains', [null, null], req)],
    key: key('hostname'),
    description: 'A name server answered that this hostname does not exist.',
  },
];
