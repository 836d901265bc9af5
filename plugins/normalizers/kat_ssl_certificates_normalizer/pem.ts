/**
 * Strict PEM reading: the file must be nothing but CERTIFICATE blocks (blank lines between them
 * allowed). Anything else, a block cut short or a block that is not X.509 DER is RAW_MALFORMED
 * naming the line, so a damaged chain never yields some of its certificates.
 */
import { X509Certificate } from 'node:crypto';
import { malformed } from '../../../src-main/normalizers/types';

const BEGIN = '-----BEGIN CERTIFICATE-----';
const END = '-----END CERTIFICATE-----';
const BASE64_LINE = /^[A-Za-z0-9+/]*={0,2}$/;
/** a chain is a few KiB; the cap keeps hostile input cheap to refuse */
export const MAX_PEM_BYTES = 4 * 1024 * 1024;
export const MAX_CERTIFICATES = 64;

export function readPemChain(text: string): X509Certificate[] {
  const lines = text.split(/\r?\n/);
  const certs: X509Certificate[] = [];
  let body: string[] | null = null;
  let startLine = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (body === null) {
      if (line === '') continue;
      if (line !== BEGIN) throw malformed(`line ${i + 1} is not part of a PEM certificate block`, { reason: 'pem', line: i + 1 });
      body = [];
      startLine = i + 1;
      continue;
    }
    if (line === END) {
      certs.push(toCertificate(body.join(''), startLine));
      if (certs.length > MAX_CERTIFICATES) throw malformed(`more than ${MAX_CERTIFICATES} certificates in one chain`, { reason: 'too-many' });
      body = null;
    } else if (BASE64_LINE.test(line)) body.push(line);
    else throw malformed(`line ${i + 1} inside the certificate block of line ${startLine} is not base64`, { reason: 'pem', line: i + 1 });
  }
  if (body !== null) throw malformed(`the certificate block of line ${startLine} is truncated (no END line)`, { reason: 'truncated', line: startLine });
  if (certs.length === 0) throw malformed('the file holds no certificate', { reason: 'empty' });
  return certs;
}

function toCertificate(b64: string, line: number): X509Certificate {
  if (b64.length === 0 || b64.length % 4 !== 0) {
    throw malformed(`the certificate block of line ${line} is not whole base64`, { reason: 'pem', line });
  }
  try {
    return new X509Certificate(Buffer.from(b64, 'base64'));
  } catch (e) {
    throw malformed(`the certificate block of line ${line} is not a valid X.509 certificate: ${e instanceof Error ? e.message : String(e)}`, {
      reason: 'certificate',
      line,
    });
  }
}
