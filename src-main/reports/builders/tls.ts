/**
 * TLS and certificates: the protocols and cipher suites services offer (TLSCipher.suites), with
 * what to phase out, and the certificates websites in scope present, judged at the report time.
 */
import type { CertificateDetail, ReportData, TlsServiceDetail } from '../types';
import { assemble, cmp, idsFilter, refsOf, rows, scopedFindings, section, table, yesNo, type BuildContext } from './common';

export const TLS_FINDINGS = ['KAT-%BAD-CIPHER', 'KAT-CERTIFICATE-%', 'KAT-SSL-CERT-HOSTNAME-MISMATCH'];
const OLD_PROTOCOLS = ['SSLv2', 'SSLv3', 'TLSv1', 'TLSv1.0', 'TLSv1.1'];
const WEAK_CIPHER = /(^|[-_])(NULL|EXPORT|EXP|RC4|DES|3DES|MD5|anon|ADH|AECDH)([-_]|$)/i;
const SOON_MS = 30 * 24 * 3600 * 1000;

type Cipher = TlsServiceDetail['ciphers'][number];

/** Reads the suites a TLSCipher holds: { "<protocol>": [ { name|cipher_suite_name, bits|encryption_bits } ] } or a flat list with a protocol each. */
export function readSuites(suites: unknown): Cipher[] {
  const out: Cipher[] = [];
  const one = (protocol: string, c: unknown) => {
    if (typeof c === 'string') out.push({ protocol, name: c, bits: null });
    else if (c && typeof c === 'object') {
      const o = c as Record<string, unknown>;
      const name = o.name ?? o.cipher_suite_name ?? o.cipher;
      const bits = o.bits ?? o.encryption_bits ?? o.key_size;
      const p = typeof o.protocol === 'string' ? o.protocol : protocol;
      if (typeof name === 'string') out.push({ protocol: p, name, bits: typeof bits === 'number' ? bits : typeof bits === 'string' && /^\d+$/.test(bits) ? Number(bits) : null });
    }
  };
  if (Array.isArray(suites)) for (const c of suites) one('', c);
  else if (suites && typeof suites === 'object') for (const [protocol, list] of Object.entries(suites)) for (const c of Array.isArray(list) ? list : [list]) one(protocol, c);
  return out.sort((a, b) => cmp(a.protocol, b.protocol) || cmp(a.name, b.name));
}

export function phaseOut(ciphers: Cipher[]): string[] {
  const out = new Set<string>();
  for (const c of ciphers) {
    if (OLD_PROTOCOLS.includes(c.protocol)) out.add(`protocol ${c.protocol}`);
    if (WEAK_CIPHER.test(c.name) || (c.bits !== null && c.bits < 128)) out.add(`cipher ${c.name}`);
  }
  return [...out].sort(cmp);
}

export function judgeCertificate(validUntil: string | null, asOf: string): { expired: boolean; expiringSoon: boolean } {
  const until = validUntil ? Date.parse(validUntil) : NaN;
  if (Number.isNaN(until)) return { expired: false, expiringSoon: false };
  const at = Date.parse(asOf);
  return { expired: until <= at, expiringSoon: until > at && until - at <= SOON_MS };
}

export async function certificates(c: BuildContext): Promise<CertificateDetail[]> {
  const { s } = c;
  const res = await rows<{ pk: string; subject: string | null; issuer: string | null; valid_until: string | null; websites: string[] | null }>(
    s,
    `WITH w AS (SELECT o.pk, o.data->>'certificate' AS cert FROM ${s.objs} o WHERE o.type = 'Website' AND o.data->>'certificate' IS NOT NULL)
     SELECT x.pk, x.data->>'subject' AS subject, x.data->>'issuer' AS issuer, x.data->>'valid_until' AS valid_until,
            (SELECT array_agg(w.pk ORDER BY w.pk) FROM w WHERE w.cert = x.pk) AS websites
       FROM ${s.objs} x WHERE x.type = 'X509Certificate' AND ${s.inScope('x.pk')}
      ORDER BY x.pk`,
  );
  return res.map((r) => ({ pk: r.pk, subject: r.subject, issuer: r.issuer, validUntil: r.valid_until, ...judgeCertificate(r.valid_until, c.asOf), websites: r.websites ?? [] }));
}

async function services(c: BuildContext): Promise<TlsServiceDetail[]> {
  const { s } = c;
  const res = await rows<{ pk: string; suites: unknown; service: string; port: number | null; address: string | null }>(
    s,
    `SELECT svc.pk, t.data->'suites' AS suites, split_part(svc.data->>'service', '|', 2) AS service,
            (p.data->>'port')::int AS port, ip.data->>'address' AS address
       FROM ${s.objs} t
       JOIN ${s.objs} svc ON svc.pk = t.data->>'ip_service'
       LEFT JOIN ${s.objs} p ON p.pk = svc.data->>'ip_port'
       LEFT JOIN ${s.objs} ip ON ip.pk = p.data->>'address'
      WHERE t.type = 'TLSCipher' AND ${s.inScope('svc.pk')}
      ORDER BY svc.pk`,
  );
  return res.map((r) => {
    const ciphers = readSuites(r.suites);
    return { pk: r.pk, address: r.address ?? '', port: r.port ?? 0, service: r.service, protocols: [...new Set(ciphers.map((x) => x.protocol))].sort(cmp), ciphers, phaseOut: phaseOut(ciphers) };
  });
}

export async function buildTls(c: BuildContext): Promise<ReportData> {
  const [svcs, certs, findings] = [await services(c), await certificates(c), await scopedFindings(c, idsFilter(TLS_FINDINGS))];
  const expired = certs.filter((x) => x.expired).length;
  const soon = certs.filter((x) => x.expiringSoon).length;
  const toPhase = svcs.filter((x) => x.phaseOut.length > 0).length;
  return assemble('tls', c, {
    title: 'TLS and certificates',
    summary: [
      { label: 'TLS services', value: svcs.length },
      { label: 'Services with something to phase out', value: toPhase },
      { label: 'Certificates', value: certs.length },
      { label: 'Expired certificates', value: expired },
      { label: 'Expiring within 30 days', value: soon },
      { label: 'Findings', value: findings.length },
    ],
    sections: [
      section('tls-certificates', 'Certificates', [`${certs.length} certificate${certs.length === 1 ? '' : 's'}: ${expired} expired, ${soon} expiring within 30 days of the report date.`], ['tls-certificates']),
      section(
        'tls-services',
        'Protocols and ciphers',
        [svcs.length === 0 ? 'No TLS protocol or cipher information was collected for the services in scope.' : `${toPhase} of ${svcs.length} service${svcs.length === 1 ? '' : 's'} offer protocols or ciphers to phase out.`],
        ['tls-services'],
      ),
    ],
    tables: [
      table(
        'tls-certificates',
        'Certificates',
        ['Certificate', 'Subject', 'Issuer', 'Valid until', 'Expired', 'Expires soon', 'Websites'],
        certs.map((x) => ({ cells: [x.pk, x.subject, x.issuer, x.validUntil, yesNo(x.expired), yesNo(x.expiringSoon), x.websites.length], link: x.pk })),
      ),
      table(
        'tls-services',
        'TLS services',
        ['Address', 'Port', 'Service', 'Protocols', 'Phase out'],
        svcs.map((x) => ({ cells: [x.address, x.port, x.service, x.protocols.join(', '), x.phaseOut.join(', ') || 'nothing'], link: x.pk })),
      ),
    ],
    charts: [],
    findings: refsOf(findings),
    details: { services: svcs, certificates: certs },
  });
}
