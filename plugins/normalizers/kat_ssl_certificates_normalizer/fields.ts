/** An X509Certificate's attributes from node:crypto's parsed certificate (pure: no I/O). */
import type { X509Certificate } from 'node:crypto';

/**
 * node prints a name one RDN per line, most significant first, already RFC 2253-escaped
 * ("C=NL\nO=Acme\nCN=www"); RFC 4514 order is the reverse, comma-separated ("CN=www,O=Acme,C=NL").
 * '|' separates primary key parts, so it is written as its RFC 4514 hex escape `\7C`.
 */
export function rfc4514(name: string): string {
  return name
    .split('\n')
    .filter((l) => l !== '')
    .reverse()
    .join(',')
    .replaceAll('|', '\\7C');
}

/** "Dec  2 05:15:16 2026 GMT" -> ISO 8601; left as printed if it does not parse. */
export function isoDate(printed: string): string {
  const t = Date.parse(printed);
  return Number.isNaN(t) ? printed : new Date(t).toISOString();
}

const CURVE_BITS: Record<string, number> = { prime256v1: 256, secp256k1: 256, secp384r1: 384, secp521r1: 521, secp224r1: 224 };
const FIXED_BITS: Record<string, number> = { ed25519: 256, ed448: 456, x25519: 253, x448: 448 };

export function publicKeyFields(cert: X509Certificate): { pk_algorithm?: string; pk_size?: number; pk_number?: string } {
  const key = cert.publicKey;
  const algorithm = key.asymmetricKeyType;
  const details = key.asymmetricKeyDetails ?? {};
  let size: number | undefined = details.modulusLength;
  if (size === undefined && details.namedCurve) size = CURVE_BITS[details.namedCurve];
  if (size === undefined && algorithm) size = FIXED_BITS[algorithm];
  let number: string | undefined;
  if (algorithm === 'rsa' || algorithm === 'rsa-pss') {
    const jwk = key.export({ format: 'jwk' });
    if (typeof jwk.n === 'string') number = Buffer.from(jwk.n, 'base64url').toString('hex').toUpperCase();
  }
  return { pk_algorithm: algorithm, pk_size: size, pk_number: number };
}

/** The certificate in `chain` that issued `cert` (name match AND a valid signature), if any. */
export function issuerIn(cert: X509Certificate, chain: readonly X509Certificate[]): X509Certificate | undefined {
  return chain.find((c) => c !== cert && !c.raw.equals(cert.raw) && cert.checkIssued(c) && cert.verify(c.publicKey));
}
