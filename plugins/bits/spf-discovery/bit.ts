/**
 * spf-discovery: reads the SPF policy in a TXT record ("v=spf1 ...", RFC 7208) and lays it out as
 * objects. Other TXT records yield nothing.
 *
 * - A policy without grammar errors becomes a DNSSPFRecord (value, ttl, `all` as written, e.g.
 *   "-all", and `exp` as its domain) with one mechanism object per term that names senders:
 *   ip4/ip6 with one address (no prefix, /32, /128) -> DNSSPFMechanismIP; with a shorter prefix ->
 *   DNSSPFMechanismNetBlock on the range's first address; a, mx, include, exists and the redirect
 *   modifier -> DNSSPFMechanismHostname (a / mx without a domain name the record's own hostname).
 *   Addresses, ranges and hostnames live in the network of the TXT record's hostname. Terms whose
 *   domain is a macro (%{i} ...) depend on the sender, so they get no object.
 * - KAT-INVALID-SPF on the hostname when the policy breaks the grammar (unknown mechanism, more than
 *   one all, bad address or prefix, empty domain, a repeated redirect / exp), in which case no
 *   DNSSPFRecord is made, or when the hostname publishes more than one SPF policy (a permanent
 *   error for receivers, RFC 7208 4.5; the records themselves are still laid out).
 * - KAT-DEPRECATED-SPF-MECHANISM on the hostname when the policy uses ptr (RFC 7208 5.5).
 */
import { normalizeObject, Reference, type OOI } from '../../../src-main/graph/model';
import { katFinding } from '../../../src-main/bits/helpers';
import type { BitFn } from '../../../src-main/bits/types';
import { isSpfRecord, networkAddress, parseSpf, type SpfDomain, type SpfMechanism } from './spf-parse';

export const spfDiscovery: BitFn = ({ source, params }) => {
  const value = String(source.data.value ?? '');
  if (!isSpfRecord(value)) return [];
  const hostnamePk = String(source.data.hostname);
  const network = String(Reference.from(hostnamePk).keyValues.network);
  const policy = parseSpf(value);
  const out: OOI[] = [];

  const problems = [...policy.errors];
  const spfSiblings = (params.txt_records ?? []).filter((r) => isSpfRecord(String(r.data.value ?? '')));
  if (new Set([source.pk, ...spfSiblings.map((r) => r.pk)]).size > 1) problems.push('the hostname publishes more than one SPF record');
  if (problems.length > 0) out.push(katFinding(hostnamePk, 'KAT-INVALID-SPF', `The SPF record "${value}" is invalid: ${problems.join('; ')}.`, value));
  if (policy.deprecated.length > 0) {
    out.push(katFinding(hostnamePk, 'KAT-DEPRECATED-SPF-MECHANISM', `The SPF record uses the deprecated ptr mechanism (${policy.deprecated.join(', ')}).`, value));
  }
  if (policy.errors.length > 0) return out;

  const record = normalizeObject('DNSSPFRecord', {
    value,
    ttl: source.data.ttl,
    all: policy.all === undefined ? undefined : `${policy.all}all`,
    exp: policy.exp === undefined ? undefined : domainText(policy.exp),
    dns_txt_record: source.pk,
  });
  out.push(record);

  const hostname = (d: SpfDomain | undefined): string | undefined =>
    d === undefined ? hostnamePk : 'hostname' in d ? normalizeObject('Hostname', { network, name: d.hostname }).pk : undefined;
  const hostMechanism = (mechanism: string, qualifier: string, d: SpfDomain | undefined): void => {
    const h = hostname(d);
    if (h !== undefined) out.push(normalizeObject('DNSSPFMechanismHostname', { spf_record: record.pk, mechanism, hostname: h, qualifier }));
  };

  for (const m of policy.mechanisms) addMechanism(m);
  if (policy.redirect) hostMechanism('redirect', '+', policy.redirect);
  return out;

  function addMechanism(m: SpfMechanism): void {
    switch (m.kind) {
      case 'all':
      case 'ptr':
        return;
      case 'a':
      case 'mx':
      case 'include':
      case 'exists':
        hostMechanism(m.kind, m.qualifier, m.domain);
        return;
      case 'ip4':
      case 'ip6': {
        const v4 = m.kind === 'ip4';
        const full = v4 ? 32 : 128;
        const ipType = v4 ? 'IPAddressV4' : 'IPAddressV6';
        if (m.prefix === undefined || m.prefix === full) {
          const ip = normalizeObject(ipType, { network, address: m.address });
          out.push(normalizeObject('DNSSPFMechanismIP', { spf_record: record.pk, mechanism: m.kind, ip: ip.pk, qualifier: m.qualifier }));
          return;
        }
        const start = normalizeObject(ipType, { network, address: networkAddress(m.kind, m.address, m.prefix) });
        const block = normalizeObject(v4 ? 'IPV4NetBlock' : 'IPV6NetBlock', { network, start_ip: start.pk, mask: m.prefix });
        out.push(normalizeObject('DNSSPFMechanismNetBlock', { spf_record: record.pk, mechanism: m.kind, netblock: block.pk, qualifier: m.qualifier }));
        return;
      }
    }
  }
};

function domainText(d: SpfDomain): string {
  return 'hostname' in d ? d.hostname : d.macro;
}
