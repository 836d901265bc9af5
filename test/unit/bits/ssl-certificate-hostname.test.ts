import { describe, expect, it } from 'vitest';
import type { OOI } from '../../../src-main/graph/model';
import { commonNames, nameMatches } from '../../../plugins/bits/ssl-certificate-hostname/names';
import { bit, findingIds, o } from '../../helpers/bits';

const cert = (subject?: string) => o('X509Certificate', { issuer: 'CN=Test CA', serial_number: '01', subject });
const website = (c: OOI, host: string) => o('Website', { ip_service: 'IPService|internet|192.0.2.1|tcp|443|https', hostname: `Hostname|internet|${host}`, certificate: c.pk });
const san = (c: OOI, host: string) => o('SubjectAlternativeNameHostname', { certificate: c.pk, hostname: `Hostname|internet|${host}` });
const qualifier = (c: OOI, name: string) => o('SubjectAlternativeNameQualifier', { certificate: c.pk, name });

/** The hostnames of the websites that got a mismatch finding, sorted. */
function mismatched(out: OOI[]): string[] {
  expect(new Set(findingIds(out))).toEqual(new Set(out.length ? ['KAT-SSL-CERT-HOSTNAME-MISMATCH'] : []));
  return out.map((f) => String(f.data.ooi).split('|').pop()!).sort();
}

describe('bit ssl-certificate-hostname', () => {
  it('flags the websites whose hostname no SAN covers, on the website', () => {
    const c = cert('CN=www.example.org');
    const out = bit('ssl-certificate-hostname', c, {
      websites: [website(c, 'www.example.org'), website(c, 'example.org'), website(c, 'other.test')],
      san_hostnames: [san(c, 'www.example.org'), san(c, 'example.org')],
    });
    expect(mismatched(out)).toEqual(['other.test']);
    expect(out[0]!.data.ooi).toBe(website(c, 'other.test').pk);
    expect(out[0]!.data.description).toBe('The certificate is valid for example.org, www.example.org, not for other.test.');
  });

  it('lets a wildcard SAN (kept as a qualifier) cover exactly one label', () => {
    const c = cert();
    const out = bit('ssl-certificate-hostname', c, {
      websites: [website(c, 'www.example.org'), website(c, 'example.org'), website(c, 'a.b.example.org')],
      san_qualifiers: [qualifier(c, 'DNS:*.example.org'), qualifier(c, 'email:admin@example.org')],
    });
    expect(mismatched(out)).toEqual(['a.b.example.org', 'example.org']);
  });

  it('matches case-insensitively and ignores a trailing dot', () => {
    const c = cert();
    const out = bit('ssl-certificate-hostname', c, { websites: [website(c, 'www.example.org')], san_qualifiers: [qualifier(c, 'DNS:*.EXAMPLE.ORG.')] });
    expect(out).toEqual([]);
  });

  it('uses the common name only when the certificate has no DNS names (RFC 6125)', () => {
    const onlyCn = cert('CN=www.example.org,O=Acme\\, Inc,C=NL');
    expect(bit('ssl-certificate-hostname', onlyCn, { websites: [website(onlyCn, 'www.example.org')] })).toEqual([]);
    const both = cert('CN=www.example.org');
    const out = bit('ssl-certificate-hostname', both, { websites: [website(both, 'www.example.org')], san_hostnames: [san(both, 'mail.example.org')] });
    expect(mismatched(out)).toEqual(['www.example.org']);
  });

  it('flags every website of a certificate that names no hostname at all', () => {
    const c = cert('O=Acme');
    const out = bit('ssl-certificate-hostname', c, { websites: [website(c, 'www.example.org')] });
    expect(mismatched(out)).toEqual(['www.example.org']);
    expect(out[0]!.data.description).toBe('The certificate names no hostname at all, not for www.example.org.');
  });

  it('ignores websites that present another certificate and SANs of another certificate', () => {
    const c = cert();
    const other = o('X509Certificate', { issuer: 'CN=Test CA', serial_number: '02' });
    const out = bit('ssl-certificate-hostname', c, {
      websites: [website(other, 'x.example.org'), website(c, 'www.example.org')],
      san_hostnames: [san(c, 'www.example.org'), san(other, 'x.example.org')],
    });
    expect(out).toEqual([]);
  });

  it('infers nothing for a certificate no website presents (an issuer in the chain)', () => {
    const c = cert('CN=Test Intermediate');
    expect(bit('ssl-certificate-hostname', c, { san_hostnames: [san(c, 'www.example.org')] })).toEqual([]);
  });

  it('shortens a long list of names in the description', () => {
    const c = cert();
    const sans = Array.from({ length: 12 }, (_, i) => san(c, `h${String(i).padStart(2, '0')}.example.org`));
    const out = bit('ssl-certificate-hostname', c, { websites: [website(c, 'www.example.org')], san_hostnames: sans });
    expect(out[0]!.data.description).toContain('h09.example.org and 2 more, not for www.example.org.');
  });
});

describe('certificate name matching', () => {
  it.each([
    ['www.example.org', 'www.example.org', true],
    ['WWW.Example.org', 'www.example.org', true],
    ['www.example.org.', 'www.example.org', true],
    ['www.example.org', '*.example.org', true],
    ['example.org', '*.example.org', false],
    ['a.b.example.org', '*.example.org', false],
    ['example.org', '*.org', false],
    ['www.example.org', 'w*.example.org', false],
    ['www.example.org', 'www.*.org', false],
    ['www.example.org', '*.*.org', false],
    ['www.example.org', '', false],
    ['', '*.example.org', false],
    ['www.example.org', 'example.org', false],
  ])('%s against %s: %s', (host, pattern, want) => {
    expect(nameMatches(host, pattern)).toBe(want);
  });

  it('reads common names from RFC 4514 text, escapes and multi-valued RDNs included', () => {
    expect(commonNames('CN=www.example.org,O=Acme\\, Inc,C=NL')).toEqual(['www.example.org']);
    expect(commonNames('cn=a.example.org+OU=Web,CN=b.example.org')).toEqual(['a.example.org', 'b.example.org']);
    expect(commonNames('2.5.4.3=c.example.org')).toEqual(['c.example.org']);
    expect(commonNames('CN=caf\\C3\\A9.example,O=x')).toEqual(['café.example']);
    expect(commonNames('CN=pipe\\7Cname')).toEqual(['pipe|name']);
    expect(commonNames('CN=#0C0161,O=Acme')).toEqual([]);
    expect(commonNames('O=Acme')).toEqual([]);
    expect(commonNames('')).toEqual([]);
  });
});
