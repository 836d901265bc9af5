import { describe, expect, it } from 'vitest';
import { bit, findingIds, o } from '../../helpers/bits';

const NOW = new Date('2026-06-01T12:00:00Z');
const cert = (validUntil: string | undefined) =>
  o('X509Certificate', { issuer: 'CN=Test CA', serial_number: '04AB', subject: 'CN=www.example.org', valid_from: '2026-01-01T00:00:00.000Z', valid_until: validUntil });
const website = (certPk: string, host = 'www.example.org', ip = '192.0.2.1') =>
  o('Website', { ip_service: `IPService|internet|${ip}|tcp|443|https`, hostname: `Hostname|internet|${host}`, certificate: certPk });
const run = (c: ReturnType<typeof cert>, opts: { config?: Record<string, unknown>; websites?: ReturnType<typeof website>[] } = {}) =>
  bit('expiring-certificate', c, { websites: opts.websites ?? [] }, { now: NOW, config: opts.config });

describe('bit expiring-certificate', () => {
  it('flags a certificate whose validity ended, on the certificate', () => {
    const c = cert('2026-05-01T00:00:00.000Z');
    const out = run(c);
    expect(findingIds(out)).toEqual(['KAT-CERTIFICATE-EXPIRED']);
    expect(out[0]!.data.ooi).toBe(c.pk);
    expect(out[0]!.data.description).toContain('2026-05-01T00:00:00.000Z');
  });

  it('counts the exact moment of expiry as expired', () => {
    expect(findingIds(run(cert(NOW.toISOString())))).toEqual(['KAT-CERTIFICATE-EXPIRED']);
  });

  it('warns within the default 14 days, including the last moment of the window', () => {
    expect(findingIds(run(cert('2026-06-10T00:00:00.000Z')))).toEqual(['KAT-CERTIFICATE-EXPIRING-SOON']);
    expect(findingIds(run(cert('2026-06-15T12:00:00.000Z')))).toEqual(['KAT-CERTIFICATE-EXPIRING-SOON']);
    expect(run(cert('2026-06-15T12:00:00.001Z'))).toEqual([]);
  });

  it('says nothing about a certificate with more time left', () => {
    expect(run(cert('2027-01-01T00:00:00.000Z'))).toEqual([]);
  });

  it('follows the configured warning window, and 0 turns the warning off', () => {
    const c = cert('2026-07-01T00:00:00.000Z');
    expect(run(c)).toEqual([]);
    expect(findingIds(run(c, { config: { expiring_soon_days: 60 } }))).toEqual(['KAT-CERTIFICATE-EXPIRING-SOON']);
    expect(run(cert('2026-06-02T00:00:00.000Z'), { config: { expiring_soon_days: 0 } })).toEqual([]);
    expect(findingIds(run(cert('2026-05-02T00:00:00.000Z'), { config: { expiring_soon_days: 0 } }))).toEqual(['KAT-CERTIFICATE-EXPIRED']);
  });

  it('uses the default window when the configured one is not a number', () => {
    expect(findingIds(run(cert('2026-06-10T00:00:00.000Z'), { config: { expiring_soon_days: 'soon' } }))).toEqual(['KAT-CERTIFICATE-EXPIRING-SOON']);
  });

  it('names the websites that present the certificate, but keeps the finding on the certificate', () => {
    const c = cert('2026-05-01T00:00:00.000Z');
    const out = run(c, { websites: [website(c.pk), website(c.pk, 'shop.example.org', '2001:db8::1')] });
    expect(out.map((x) => x.data.ooi)).toEqual([c.pk]);
    expect(out[0]!.data.description).toContain('www.example.org on 192.0.2.1:443 (https)');
    expect(out[0]!.data.description).toContain('shop.example.org on [2001:db8::1]:443 (https)');
  });

  it('reads the date as the openssl-style text when the normalizer could not convert it', () => {
    expect(findingIds(run(cert('May  1 00:00:00 2026 GMT')))).toEqual(['KAT-CERTIFICATE-EXPIRED']);
  });

  it('infers nothing without a readable expiry date', () => {
    expect(run(cert(undefined))).toEqual([]);
    expect(run(cert('not a date'))).toEqual([]);
  });

  it('uses only the injected clock', () => {
    const c = cert('2026-05-01T00:00:00.000Z');
    expect(bit('expiring-certificate', c, {}, { now: new Date('2026-04-01T00:00:00Z') })).toEqual([]);
  });
});
