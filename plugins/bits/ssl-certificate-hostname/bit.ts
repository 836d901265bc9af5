/**
 * ssl-certificate-hostname: for each Website that presents this certificate, whether the
 * certificate is valid for the website's hostname. A website whose hostname no certificate name
 * covers gets KAT-SSL-CERT-HOSTNAME-MISMATCH (browsers refuse such a connection).
 *
 * The certificate's names: its DNS subject alternative names, i.e. SubjectAlternativeNameHostname
 * objects and, for wildcards (which the certificate normalizer keeps as text), the
 * SubjectAlternativeNameQualifier objects named "DNS:<name>". Only when the certificate has no DNS
 * names at all does the subject's common name count, as RFC 6125 §6.4.4 prescribes (browsers have
 * stopped reading it). IP address SANs never cover a hostname. Matching rules: ./names.ts.
 */
import { Reference, type OOI } from '../../../src-main/graph/model';
import { katFinding } from '../../../src-main/bits/helpers';
import type { BitFn } from '../../../src-main/bits/types';
import { canonicalName, commonNames, nameMatches } from './names';

/** The name part of a Hostname primary key ('Hostname|internet|example.org' -> 'example.org'). */
function hostnameOf(pk: unknown): string | undefined {
  if (typeof pk !== 'string') return undefined;
  const name = Reference.tryFrom(pk)?.keyValues.name;
  return typeof name === 'string' ? name : undefined;
}

/** The DNS names the certificate carries as subject alternative names. */
function dnsSans(certPk: string, hostnames: readonly OOI[], qualifiers: readonly OOI[]): string[] {
  const names: string[] = [];
  for (const san of hostnames) {
    const name = san.data.certificate === certPk ? hostnameOf(san.data.hostname) : undefined;
    if (name) names.push(name);
  }
  for (const q of qualifiers) {
    const text = q.data.certificate === certPk && typeof q.data.name === 'string' ? q.data.name : '';
    if (/^dns:/i.test(text)) names.push(text.slice(4).replaceAll('%7C', '|'));
  }
  return [...new Set(names.map(canonicalName).filter((n) => n !== ''))].sort();
}

const LISTED_NAMES = 10;

function listNames(names: readonly string[]): string {
  if (names.length <= LISTED_NAMES) return names.join(', ');
  return `${names.slice(0, LISTED_NAMES).join(', ')} and ${names.length - LISTED_NAMES} more`;
}

export const sslCertificateHostname: BitFn = ({ source, params }) => {
  const sans = dnsSans(source.pk, params.san_hostnames ?? [], params.san_qualifiers ?? []);
  const names = sans.length ? sans : commonNames(typeof source.data.subject === 'string' ? source.data.subject : '').map(canonicalName).filter((n) => n !== '');
  const validFor = names.length ? `The certificate is valid for ${listNames(names)}` : 'The certificate names no hostname at all';
  const out: OOI[] = [];
  for (const website of params.websites ?? []) {
    if (website.data.certificate !== source.pk) continue;
    const host = hostnameOf(website.data.hostname);
    if (host === undefined || names.some((n) => nameMatches(host, n))) continue;
    out.push(katFinding(website.pk, 'KAT-SSL-CERT-HOSTNAME-MISMATCH', `${validFor}, not for ${host}.`));
  }
  return out;
};
