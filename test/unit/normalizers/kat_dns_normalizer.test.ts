/** kat_dns_normalizer on real dns-records output (captured from the image against test/helpers/dns-server.ts) and on hostile input. */
import { describe, expect, it } from 'vitest';
import { normalizeObject, type OOI } from '../../../src-main/graph/model';
import { normalizeDns } from '../../../plugins/normalizers/kat_dns_normalizer/normalize';
import { expectRejected, fixture, garbage } from '../../helpers/normalizer';

const ID = 'kat_dns_normalizer';
const MIME = ['boefje/dns-records'];
const host = (name: string, network = 'Network|internet') => normalizeObject('Hostname', { network, name });
const run = (file: string | Buffer, input: OOI | null) =>
  normalizeDns({ raw: typeof file === 'string' ? fixture(ID, file) : file, mimeTypes: MIME, input });
const pks = (objects: OOI[]) => objects.map((o) => o.pk).sort();
const byPk = (objects: OOI[]) => new Map(objects.map((o) => [o.pk, o]));

/** The records of the apex of example.test (also reached from www through its CNAME). */
const APEX_RECORDS = [
  'DNSAAAARecord|internet|example.test|::1',
  'DNSARecord|internet|example.test|127.0.0.1',
  'DNSARecord|internet|example.test|127.0.0.2',
  'DNSCAARecord|internet|example.test|0|issue|letsencrypt.org',
  'DNSCAARecord|internet|example.test|128|iodef|mailto:security@example.test',
  'DNSMXRecord|internet|example.test|10 mail.example.test',
  'DNSMXRecord|internet|example.test|20 mx2.example.test',
  'DNSNSRecord|internet|example.test|ns1.example.test',
  'DNSNSRecord|internet|example.test|ns2.example.test',
  'DNSSOARecord|internet|example.test|internet|ns1.example.test',
  'DNSTXTRecord|internet|example.test|7d042a325efc72f5a5b16667d1eda385138e180f',
  'DNSTXTRecord|internet|example.test|fa746dffbbe139507fc2c8bc262fd0eecdcdf2d2',
  'DNSZone|internet|example.test',
  'Hostname|internet|example.test',
  'Hostname|internet|mail.example.test',
  'Hostname|internet|mx2.example.test',
  'Hostname|internet|ns1.example.test',
  'Hostname|internet|ns2.example.test',
  'IPAddressV4|internet|127.0.0.1',
  'IPAddressV4|internet|127.0.0.2',
  'IPAddressV6|internet|::1',
];

describe('kat_dns_normalizer: fixtures', () => {
  it('example.test: every record type, the zone and DMARC', () => {
    const { objects } = run('example.test.json', host('example.test'));
    expect(pks(objects)).toEqual([...APEX_RECORDS, 'DMARCTXTRecord|v=DMARC1; p=reject; rua=mailto:dmarc@example.test|internet|example.test'].sort());
    const o = byPk(objects);
    expect(o.get('Hostname|internet|example.test')!.data.dns_zone).toBe('DNSZone|internet|example.test');
    expect(o.get('DNSMXRecord|internet|example.test|10 mail.example.test')!.data).toEqual({
      hostname: 'Hostname|internet|example.test',
      mail_hostname: 'Hostname|internet|mail.example.test',
      preference: 10,
      value: '10 mail.example.test',
      ttl: 300,
      dns_record_type: 'MX',
    });
    expect(o.get('DNSSOARecord|internet|example.test|internet|ns1.example.test')!.data).toMatchObject({
      serial: 2026120201,
      refresh: 7200,
      retry: 3600,
      expire: 1209600,
      minimum: 300,
      ttl: 3600,
    });
    // two character-strings joined, dig's escapes undone
    expect(o.get('DNSTXTRecord|internet|example.test|7d042a325efc72f5a5b16667d1eda385138e180f')!.data.value).toBe('google-site-verification=abc "quoted" \\ back');
    expect(o.get('DNSCAARecord|internet|example.test|128|iodef|mailto:security@example.test')!.data).toMatchObject({ flags: 128, tag: 'iodef' });
    expect(objects.every((x) => !x.pk.includes('_dmarc'))).toBe(true);
  });

  it('www.example.test: the CNAME and the records of its target', () => {
    const { objects } = run('www.example.test.json', host('www.example.test'));
    expect(pks(objects)).toEqual([...APEX_RECORDS, 'DNSCNAMERecord|internet|www.example.test|example.test', 'Hostname|internet|www.example.test'].sort());
    expect(byPk(objects).get('DNSCNAMERecord|internet|www.example.test|example.test')!.data.target_hostname).toBe('Hostname|internet|example.test');
  });

  it('mail.example.test: an A record, and the zone from the SOA in the authority section', () => {
    const { objects } = run('mail.example.test.json', host('mail.example.test'));
    expect(pks(objects)).toEqual([
      'DNSARecord|internet|mail.example.test|127.0.0.25',
      'DNSZone|internet|example.test',
      'Hostname|internet|example.test',
      'Hostname|internet|mail.example.test',
      'IPAddressV4|internet|127.0.0.25',
    ]);
    expect(byPk(objects).get('Hostname|internet|mail.example.test')!.data.dns_zone).toBe('DNSZone|internet|example.test');
  });

  it('a name that does not exist: NXDOMAIN only', () => {
    expect(pks(run('nxdomain.json', host('nope.example.test')).objects)).toEqual(['Hostname|internet|nope.example.test', 'NXDOMAIN|internet|nope.example.test']);
  });

  it('uses the network of the input hostname', () => {
    const { objects } = run('mail.example.test.json', host('mail.example.test', 'Network|lab'));
    expect(pks(objects)).toContain('DNSARecord|lab|mail.example.test|127.0.0.25');
    expect(pks(objects)).toContain('IPAddressV4|lab|127.0.0.25');
    expect(objects.every((x) => !x.pk.includes('internet'))).toBe(true);
  });

  it('an upload without an input object is about the internet', () => {
    expect(pks(run('nxdomain.json', null).objects)).toEqual(['Hostname|internet|nope.example.test', 'NXDOMAIN|internet|nope.example.test']);
  });
});

/** The example.test fixture, edited. */
function edited(edit: (doc: { hostname: string; queries: { name: string; type: string; status: string; answer: string[]; authority: string[] }[] }) => void): Buffer {
  const doc = JSON.parse(fixture(ID, 'example.test.json').toString('utf8'));
  edit(doc);
  return Buffer.from(JSON.stringify(doc));
}
const withAnswer = (type: string, line: string) =>
  edited((d) => {
    d.queries.find((q) => q.type === type)!.answer.push(line);
  });

describe('kat_dns_normalizer: bad input fails with a code, fast, and returns nothing', () => {
  const apex = host('example.test');
  const reject = (raw: Buffer, input: OOI | null = apex, codes?: string[]) => expectRejected(normalizeDns, { raw, mimeTypes: MIME, input }, codes);
  const good = fixture(ID, 'example.test.json');

  it('truncated JSON', () => {
    for (const cut of [1, 100, Math.floor(good.length / 2), good.length - 2]) expect(reject(good.subarray(0, cut)).details?.reason).toBe('json');
  });

  it('50 MB of random bytes, of random ASCII and of unclosed brackets', () => {
    expect(reject(garbage(50 * 1024 * 1024)).details?.reason).toBe('encoding');
    const ascii = garbage(50 * 1024 * 1024).map((b) => 0x20 + (b % 0x5f));
    reject(Buffer.from(ascii));
    expect(reject(Buffer.alloc(50 * 1024 * 1024, '[')).details?.reason).toBe('depth');
  });

  it('UTF-16 and latin1 bytes', () => {
    reject(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(good.toString('utf8'), 'utf16le')]));
    reject(Buffer.from(good.toString('utf8'), 'utf16le'));
    const latin1 = Buffer.from(withAnswer('TXT', 'example.test. 300 IN TXT "caf\u00e9"').toString('utf8'), 'latin1');
    expect(reject(latin1).details?.reason).toBe('encoding');
  });

  it('the wrong document: not an object, another format, missing fields, unknown query type', () => {
    reject(Buffer.from('[]'));
    reject(Buffer.from('null'));
    reject(edited((d) => Object.assign(d, { format: 'something-else' })));
    reject(edited((d) => Object.assign(d, { queries: {} })));
    reject(edited((d) => Object.assign(d.queries[0]!, { answer: 'x' })));
    reject(edited((d) => Object.assign(d.queries[0]!, { type: 'AXFR' })));
    reject(edited((d) => Object.assign(d.queries[0]!, { name: 'other.test' })));
  });

  it('records dig would never print', () => {
    for (const line of ['example.test. 300 IN A', 'example.test. x IN A 127.0.0.1', 'example.test. 300 CH A 127.0.0.1', 'example.test. 300 IN MX ten mail.example.test.', 'example.test. 300 IN TXT "unterminated']) {
      expect(reject(withAnswer('A', line)).details?.reason).toBe('record');
    }
  });

  it('hostile values: a 10k-character hostname, an invalid IP, a pipe in a key', () => {
    const long = `${'a'.repeat(10_000)}.test.`;
    reject(withAnswer('A', `${long} 300 IN A 127.0.0.1`), apex, ['INVALID_OBJECT']);
    reject(withAnswer('NS', `example.test. 300 IN NS ${long}`), apex, ['INVALID_OBJECT']);
    reject(edited((d) => Object.assign(d, { hostname: long })), null, ['INVALID_OBJECT']);
    reject(withAnswer('A', 'example.test. 300 IN A 999.1.1.1'), apex, ['INVALID_OBJECT']);
    reject(withAnswer('AAAA', 'example.test. 300 IN AAAA 1:2:3'), apex, ['INVALID_OBJECT']);
    reject(withAnswer('CAA', 'example.test. 300 IN CAA 0 issue "a|b"'), apex, ['INVALID_OBJECT']);
  });

  it('a file about another name than the input, or the wrong kind of input', () => {
    expect(reject(good, host('other.test')).details?.reason).toBe('input');
    expect(reject(good, normalizeObject('IPAddressV4', { network: 'Network|internet', address: '127.0.0.1' })).details?.reason).toBe('input');
  });

  it('a scan without replies changes nothing instead of emptying the graph', () => {
    expect(reject(fixture(ID, 'no-answer.json')).details?.reason).toBe('incomplete');
    expect(reject(edited((d) => Object.assign(d.queries[3]!, { status: 'TIMEOUT', answer: [] }))).details?.reason).toBe('incomplete');
    expect(reject(edited((d) => Object.assign(d, { queries: [] }))).details?.reason).toBe('incomplete');
    expect(reject(edited((d) => d.queries.forEach((q) => Object.assign(q, { status: 'REFUSED', answer: [] })))).details?.reason).toBe('incomplete');
  });

  it('skips what it does not model instead of failing: an unknown CAA tag, an RRSIG, a SERVFAIL for one type', () => {
    const raw = edited((d) => {
      d.queries.find((q) => q.type === 'CAA')!.answer.push('example.test. 300 IN CAA 0 policy "x"');
      d.queries.find((q) => q.type === 'A')!.answer.push('example.test. 300 IN RRSIG A 13 2 300 20261231000000 20261201000000 1234 example.test. abc=');
      Object.assign(d.queries.find((q) => q.type === 'MX')!, { status: 'SERVFAIL', answer: [] });
    });
    const got = pks(normalizeDns({ raw, mimeTypes: MIME, input: apex }).objects);
    expect(got.filter((p) => p.startsWith('DNSCAARecord'))).toHaveLength(2);
    expect(got.filter((p) => p.startsWith('DNSMXRecord'))).toEqual([]);
    expect(got).toContain('DNSARecord|internet|example.test|127.0.0.1');
  });
});
