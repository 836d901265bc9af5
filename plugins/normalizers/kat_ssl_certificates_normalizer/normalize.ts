/**
 * kat_ssl_certificates_normalizer: the PEM chain from the ssl-certificates boefje ->
 * X509Certificate per certificate (signed_by = the next certificate in the chain that really
 * signed it), its subject alternative names (DNS -> SubjectAlternativeNameHostname + Hostname,
 * IP -> SubjectAlternativeNameIP + IPAddress, anything else incl. wildcards ->
 * SubjectAlternativeNameQualifier "<kind>:<value>"), and the input Website with `certificate` =
 * the leaf (the first certificate the server sent).
 *
 * Pure: node:crypto's X509Certificate only parses bytes. Without an input Website (an upload about
 * no object) the certificates and SANs are still returned, SANs in the network 'internet'.
 */
import type { X509Certificate } from 'node:crypto';
import { normalizeObject, Reference, type OOI } from '../../../src-main/graph/model';
import { isBad, normHostname, normIP } from '../../../src-main/graph/model/values';
import { decodeUtf8, malformed, type Normalize } from '../../../src-main/normalizers/types';
import { isoDate, issuerIn, publicKeyFields, rfc4514 } from './fields';
import { MAX_PEM_BYTES, readPemChain } from './pem';
import { parseSans } from './sans';

export const DEFAULT_NETWORK = 'Network|internet';

function networkOf(input: OOI | null): string {
  if (input?.type !== 'Website' || typeof input.data.hostname !== 'string') return DEFAULT_NETWORK;
  const network = Reference.from(input.data.hostname).keyValues.network;
  return typeof network === 'string' ? network : DEFAULT_NETWORK;
}

function certificateObject(cert: X509Certificate, signedBy: string | undefined): OOI {
  return normalizeObject('X509Certificate', {
    subject: rfc4514(cert.subject),
    issuer: rfc4514(cert.issuer),
    serial_number: cert.serialNumber.toUpperCase(),
    valid_from: isoDate(cert.validFrom),
    valid_until: isoDate(cert.validTo),
    ...publicKeyFields(cert),
    signed_by: signedBy,
  });
}

function sanObjects(cert: X509Certificate, certPk: string, network: string): OOI[] {
  const out: OOI[] = [];
  for (const san of parseSans(cert.subjectAltName)) {
    if (san.kind === 'DNS' && !isBad(normHostname(san.value))) {
      const hostname = normalizeObject('Hostname', { network, name: san.value });
      out.push(hostname, normalizeObject('SubjectAlternativeNameHostname', { certificate: certPk, hostname: hostname.pk }));
      continue;
    }
    if (san.kind === 'IP Address') {
      const ip = normIP(san.value);
      if (!isBad(ip)) {
        const address = normalizeObject(ip.includes(':') ? 'IPAddressV6' : 'IPAddressV4', { network, address: ip });
        out.push(address, normalizeObject('SubjectAlternativeNameIP', { certificate: certPk, address: address.pk }));
        continue;
      }
    }
    // wildcards (*.example.org), e-mail, URI, directory names: kept as text; '|' cannot be in a key
    const name = `${san.kind}:${san.value}`.replaceAll('|', '%7C');
    out.push(normalizeObject('SubjectAlternativeNameQualifier', { certificate: certPk, name }));
  }
  return out;
}

export const normalizeSslCertificates: Normalize = ({ raw, input }) => {
  if (raw.length > MAX_PEM_BYTES) throw malformed(`the certificate chain is ${raw.length} bytes; more than ${MAX_PEM_BYTES} is not a chain`, { reason: 'too-large' });
  const chain = readPemChain(decodeUtf8(raw, 'the certificate chain'));
  const network = networkOf(input);

  // the key is issuer + serial number, so signed_by can name the issuer before it is built
  const keyOf = (cert: X509Certificate) => certificateObject(cert, undefined).pk;
  const objects = new Map<string, OOI>();
  const add = (o: OOI) => {
    if (!objects.has(o.pk)) objects.set(o.pk, o);
  };
  for (const cert of chain) {
    const issuer = issuerIn(cert, chain);
    const certificate = certificateObject(cert, issuer === undefined ? undefined : keyOf(issuer));
    add(certificate);
    for (const o of sanObjects(cert, certificate.pk, network)) add(o);
  }
  if (input?.type === 'Website') {
    add(normalizeObject('Website', { ...input.data, certificate: keyOf(chain[0]!) }));
  }
  return { objects: [...objects.values()] };
};
