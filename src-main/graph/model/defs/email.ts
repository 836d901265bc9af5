/** Mail security records: SPF, DMARC, DKIM. */
import { int, key, oneOf, ref, req, sha1, str, type TypeSpec } from './dsl.js';

export const SPF_QUALIFIERS = ['+', '-', '~', '?'] as const;

const qualifier = oneOf('qualifier', SPF_QUALIFIERS, {
  default: '+',
  description: '+ pass, - fail, ~ softfail, ? neutral',
});

export const emailTypes: TypeSpec[] = [
  {
    name: 'DNSSPFRecord',
    fields: [
      str('value', req),
      int('ttl', { min: 0 }),
      str('all'),
      str('exp'),
      ref('dns_txt_record', 'DNSTXTRecord', 'dns_spf_record', [null, 1], req),
    ],
    key: key('dns_txt_record', sha1('value')),
    description: 'A parsed SPF policy, found in a TXT record; its key carries the SHA-1 of the policy.',
  },
  {
    name: 'DNSSPFMechanism',
    abstract: true,
    fields: [ref('spf_record', 'DNSSPFRecord', 'spf_mechanisms', [null, 1], req), str('mechanism', req)],
    description: 'One term of an SPF policy that names allowed senders.',
  },
  {
    name: 'DNSSPFMechanismIP',
    parent: 'DNSSPFMechanism',
    fields: [ref('ip', 'IPAddress', 'spf_mechanisms', [null, null], req), qualifier],
    key: key('spf_record', 'mechanism', 'ip', 'qualifier'),
    reverse: { spf_record: 'spf_ip_mechanisms' },
    description: 'An SPF term naming a single address (ip4/ip6).',
  },
  {
    name: 'DNSSPFMechanismHostname',
    parent: 'DNSSPFMechanism',
    fields: [ref('hostname', 'Hostname', 'spf_mechanisms', [null, null], req), qualifier],
    key: key('spf_record', 'mechanism', 'hostname', 'qualifier'),
    reverse: { spf_record: 'spf_hostname_mechanisms' },
    description: 'An SPF term naming a host (a, mx, include, exists).',
  },
  {
    name: 'DNSSPFMechanismNetBlock',
    parent: 'DNSSPFMechanism',
    fields: [ref('netblock', 'NetBlock', 'spf_mechanisms', [null, null], req), qualifier],
    key: key('spf_record', 'mechanism', 'netblock', 'qualifier'),
    reverse: { spf_record: 'spf_netblock_mechanisms' },
    description: 'An SPF term naming an address range (ip4/ip6 with a prefix).',
  },
  {
    name: 'DMARCTXTRecord',
    fields: [str('value', req), int('ttl', { min: 0 }), ref('hostname', 'Hostname', 'dmarc_txt_record', [null, null], req)],
    key: key('value', 'hostname'),
    description: 'The DMARC policy published for a domain.',
  },
  {
    name: 'DKIMExists',
    fields: [ref('hostname', 'Hostname', 'dkim_exists', [null, null], req)],
    key: key('hostname'),
    description: 'Evidence that a domain publishes DKIM keys at all.',
  },
  {
    name: 'DKIMSelector',
    fields: [str('selector', req), ref('hostname', 'Hostname', 'dkim_selector', [null, null], req)],
    key: key('selector', 'hostname'),
    description: 'A DKIM selector in use by a domain.',
  },
  {
    name: 'DKIMKey',
    fields: [str('key', req), ref('dkim_selector', 'DKIMSelector', 'dkim_key', [null, null], req)],
    key: key('key', 'dkim_selector'),
    description: 'The public key published under a DKIM selector.',
  },
];
