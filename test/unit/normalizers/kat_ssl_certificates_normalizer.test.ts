/** kat_ssl_certificates_normalizer: the captured chain gives exact objects; damaged or hostile input never gives partial output. */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OOI } from '../../../src-main/graph/model';
import { normalizerFor } from '../../../src-main/normalizers/registry';
import { readFixture } from '../../helpers/fixtures';
import { makeTestPki, type TestPki } from '../../helpers/tls';
import { expectMalformed } from '../../helpers/normalizer';

const ID = 'kat_ssl_certificates_normalizer';
const normalize = (raw: Uint8Array | string, input: OOI | null = null) =>
  normalizerFor(ID)!({ raw: typeof raw === 'string' ? Buffer.from(raw) : raw, mimeTypes: ['boefje/ssl-certificates'], input }).objects;

const INT = 'CN=Kattegat Test Intermediate CA,O=Kattegat Test,C=NL';
const ROOT = 'CN=Kattegat Test Root CA,O=Kattegat Test,C=NL';
const LEAF_KEY = `${INT}|3003`;

describe('the captured chain (fixtures/chain-localhost.pem)', () => {
  const { raw, input } = readFixture(ID, 'chain-localhost.pem');

  it('gives exactly the certificates, SANs and the website', () => {
    const objects = normalize(raw, input);
    expect(objects.map((o) => o.pk).sort()).toEqual(
      [
        `X509Certificate|${LEAF_KEY}`,
        `X509Certificate|${ROOT}|2002`,
        'Hostname|internet|localhost',
        'Hostname|internet|www.kattegat.test',
        'IPAddressV4|internet|127.0.0.1',
        'IPAddressV6|internet|::1',
        `SubjectAlternativeNameHostname|${LEAF_KEY}|internet|localhost`,
        `SubjectAlternativeNameHostname|${LEAF_KEY}|internet|www.kattegat.test`,
        `SubjectAlternativeNameIP|${LEAF_KEY}|internet|127.0.0.1`,
        `SubjectAlternativeNameIP|${LEAF_KEY}|internet|::1`,
        `SubjectAlternativeNameQualifier|${LEAF_KEY}|DNS:*.kattegat.test`,
        'Website|internet|127.0.0.1|tcp|37767|https|internet|localhost',
      ].sort(),
    );
    const byPk = new Map(objects.map((o) => [o.pk, o]));
    expect(byPk.get(`X509Certificate|${LEAF_KEY}`)!.data).toMatchObject({
      subject: 'CN=localhost,O=Kattegat Test',
      issuer: INT,
      serial_number: '3003',
      pk_algorithm: 'rsa',
      pk_size: 2048,
      signed_by: `X509Certificate|${ROOT}|2002`,
      valid_from: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/),
      pk_number: expect.stringMatching(/^[0-9A-F]{512}$/),
    });
    expect(byPk.get(input.pk)!.data).toEqual({ ...input.data, certificate: `X509Certificate|${LEAF_KEY}` });
  });

  it('without an input object gives the certificates and SANs but no website', () => {
    const objects = normalize(raw, null);
    expect(objects.filter((o) => o.type === 'Website')).toEqual([]);
    expect(objects.filter((o) => o.type === 'X509Certificate')).toHaveLength(2);
  });

  it('reads CRLF line ends and blank lines between blocks the same way', () => {
    const text = Buffer.from(raw).toString().replaceAll('\n', '\r\n').replace('-----END CERTIFICATE-----\r\n', '-----END CERTIFICATE-----\r\n\r\n');
    expect(normalize(text, input).map((o) => o.pk)).toEqual(normalize(raw, input).map((o) => o.pk));
  });
});

describe('chains made here', () => {
  let pki: TestPki;
  let dir: string;
  beforeAll(() => {
    pki = makeTestPki({ dnsNames: ['shop.example.nl'], ips: [], serials: { leaf: 'abcdef0123' } });
    dir = mkdtempSync(join(tmpdir(), 'kat-ssl-unit-'));
  });
  afterAll(() => {
    pki.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('links every certificate to the one in the chain that really signed it; the self-signed root to none', () => {
    const objects = normalize(pki.leafPem + pki.intermediatePem + pki.rootPem);
    const certs = new Map(objects.filter((o) => o.type === 'X509Certificate').map((o) => [o.data.serial_number, o.data]));
    expect(certs.get('ABCDEF0123')!.signed_by).toBe(`X509Certificate|${ROOT}|2002`);
    expect(certs.get('2002')!.signed_by).toBe(`X509Certificate|${ROOT}|1001`);
    expect(certs.get('1001')!.signed_by).toBeUndefined();
  });

  it('does not claim signed_by for a certificate whose issuer name matches but whose signature does not', () => {
    const other = makeTestPki({ dnsNames: ['other.example.nl'], ips: [] }); // same CA names, other keys
    try {
      const objects = normalize(pki.leafPem + other.intermediatePem);
      expect(objects.find((o) => o.data.serial_number === 'ABCDEF0123')!.data.signed_by).toBeUndefined();
    } finally {
      other.cleanup();
    }
  });

  it('the same certificate sent twice is one object', () => {
    const objects = normalize(pki.leafPem + pki.leafPem);
    expect(objects.filter((o) => o.type === 'X509Certificate')).toHaveLength(1);
  });

  it("escapes '|' in names (a key separator) as RFC 4514 \\7C instead of failing", () => {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'k.pem', '-out', 'c.pem',
      '-days', '1', '-subj', '/CN=evil|corp', '-addext', 'subjectAltName=DNS:*.evil.example,email:a@evil.example,URI:https://evil.example/a|b'], { cwd: dir, stdio: 'ignore' });
    const objects = normalize(readFileSync(join(dir, 'c.pem')));
    const cert = objects.find((o) => o.type === 'X509Certificate')!;
    expect(cert.data.issuer).toBe('CN=evil\\7Ccorp');
    expect(objects.filter((o) => o.type === 'SubjectAlternativeNameQualifier').map((o) => o.data.name).sort()).toEqual(
      ['DNS:*.evil.example', 'URI:https://evil.example/a%7Cb', 'email:a@evil.example'].sort(),
    );
  });
});

describe('malformed input: a coded error, never part of the chain', () => {
  const { raw, input } = readFixture(ID, 'chain-localhost.pem');
  const text = Buffer.from(raw).toString();

  it('a truncated PEM (no END line, or cut inside the base64)', () => {
    expectMalformed(() => normalize(text.slice(0, text.length - 200), input), 'truncated');
    const firstEnd = text.indexOf('-----END CERTIFICATE-----');
    expectMalformed(() => normalize(text.slice(0, firstEnd - 10) + '\n' + text.slice(firstEnd), input));
  });

  it('an empty file, or text that is not PEM', () => {
    expectMalformed(() => normalize('', input), 'empty');
    expectMalformed(() => normalize('\n\n', input), 'empty');
    expectMalformed(() => normalize('CONNECTED(00000003)\n' + text, input), 'pem');
  });

  it('trailing junk after a valid chain gives nothing, not the chain', () => {
    expectMalformed(() => normalize(text + 'garbage\n', input), 'pem');
  });

  it('valid base64 that is not an X.509 certificate', () => {
    const fake = `-----BEGIN CERTIFICATE-----\n${randomBytes(600).toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;
    expectMalformed(() => normalize(fake, input), 'certificate');
    expectMalformed(() => normalize(text + fake, input), 'certificate');
  });

  it('50 MB of random garbage is refused at once', () => {
    const t0 = performance.now();
    expectMalformed(() => normalize(randomBytes(50 * 1024 * 1024), input), 'too-large');
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('random garbage under the size cap, and text in another encoding', () => {
    expectMalformed(() => normalize(randomBytes(100_000), input));
    expectMalformed(() => normalize(Buffer.from(text, 'utf16le'), input), 'pem');
    expectMalformed(() => normalize(Buffer.from('\xe9\xe8' + text, 'latin1'), input), 'encoding');
  });

  it('more certificates than any chain has', () => {
    const leaf = text.slice(0, text.indexOf('-----END CERTIFICATE-----') + 26);
    expectMalformed(() => normalize(leaf.repeat(65), input), 'too-many');
  });
});
