/** kat_nmap_normalizer on real nmap XML (captured from the image against local TCP servers) and on hostile input. */
import { describe, expect, it } from 'vitest';
import { normalizeObject, type OOI } from '../../../src-main/graph/model';
import { normalizeNmap } from '../../../plugins/normalizers/kat_nmap_normalizer/normalize';
import { expectRejected, fixture, garbage } from '../../helpers/normalizer';

const ID = 'kat_nmap_normalizer';
const MIME = ['boefje/nmap'];
const ip = (address: string, network = 'Network|internet') => normalizeObject(address.includes(':') ? 'IPAddressV6' : 'IPAddressV4', { network, address });
const run = (raw: string | Buffer, input: OOI | null) => normalizeNmap({ raw: typeof raw === 'string' ? fixture(ID, raw) : raw, mimeTypes: MIME, input });
const pks = (objects: OOI[]) => objects.map((o) => o.pk).sort();
/** the open port nmap's table has no name for, as captured in the fixture */
const openPortIn = (file: string) => /portid="(\d+)"><state state="open"[^>]*\/><\/port>/.exec(fixture(ID, file).toString())![1];

describe('kat_nmap_normalizer: fixtures', () => {
  it('IPv4: open ports with and without a service name; the closed port gives nothing', () => {
    const other = openPortIn('ipv4-open-closed.xml');
    const { objects } = run('ipv4-open-closed.xml', ip('127.0.0.1'));
    expect(pks(objects)).toEqual(
      [
        'IPAddressV4|internet|127.0.0.1',
        'IPPort|internet|127.0.0.1|tcp|8080',
        `IPPort|internet|127.0.0.1|tcp|${other}`,
        'IPService|internet|127.0.0.1|tcp|8080|http-proxy',
        'Service|http-proxy',
      ].sort(),
    );
    expect(objects.find((o) => o.pk === 'IPPort|internet|127.0.0.1|tcp|8080')!.data).toEqual({ address: 'IPAddressV4|internet|127.0.0.1', protocol: 'tcp', port: 8080, state: 'open' });
    expect(objects.find((o) => o.type === 'IPService')!.data).toEqual({ ip_port: 'IPPort|internet|127.0.0.1|tcp|8080', service: 'Service|http-proxy' });
  });

  it('IPv6', () => {
    const other = openPortIn('ipv6-open-closed.xml');
    expect(pks(run('ipv6-open-closed.xml', ip('::1')).objects)).toEqual(
      ['IPAddressV6|internet|::1', 'IPPort|internet|::1|tcp|8080', `IPPort|internet|::1|tcp|${other}`, 'IPService|internet|::1|tcp|8080|http-proxy', 'Service|http-proxy'].sort(),
    );
  });

  it('nothing open: only the address, so an observation of earlier open ports is replaced by none', () => {
    expect(pks(run('ipv4-nothing-open.xml', ip('127.0.0.1')).objects)).toEqual(['IPAddressV4|internet|127.0.0.1']);
  });

  it("uses the input address's network; an upload without input is about the internet", () => {
    expect(pks(run('ipv4-open-closed.xml', ip('127.0.0.1', 'Network|lab')).objects)).toContain('IPService|lab|127.0.0.1|tcp|8080|http-proxy');
    expect(pks(run('ipv4-open-closed.xml', null).objects)).toContain('IPService|internet|127.0.0.1|tcp|8080|http-proxy');
  });
});

const doc = (ports: string, addr = '<address addr="192.0.2.7" addrtype="ipv4"/>') =>
  Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE nmaprun>\n<nmaprun scanner="nmap" args="nmap -&#45;x">` +
      `<host><status state="up"/>${addr}<ports>${ports}</ports></host>` +
      `<runstats><finished time="1" exit="success"/></runstats></nmaprun>\n`,
  );
const port = (id: string | number, state: string, service = '', protocol = 'tcp') =>
  `<port protocol="${protocol}" portid="${id}"><state state="${state}" reason="x"/>${service}</port>`;

describe('kat_nmap_normalizer: the XML nmap writes', () => {
  it('http over SSL is https; UDP ports; filtered and open|filtered ports give nothing; "unknown" is no service', () => {
    const xml = doc(
      port(443, 'open', '<service name="http" tunnel="ssl" method="probed" conf="10"/>') +
        port(53, 'open', '<service name="domain"/>', 'udp') +
        port(22, 'filtered', '<service name="ssh"/>') +
        port(161, 'open|filtered', '<service name="snmp"/>', 'udp') +
        port(9999, 'open', '<service name="unknown"/>') +
        port(132, 'open', '', 'sctp'),
    );
    expect(pks(run(xml, null).objects)).toEqual(
      [
        'IPAddressV4|internet|192.0.2.7',
        'IPPort|internet|192.0.2.7|tcp|443',
        'IPPort|internet|192.0.2.7|tcp|9999',
        'IPPort|internet|192.0.2.7|udp|53',
        'IPService|internet|192.0.2.7|tcp|443|https',
        'IPService|internet|192.0.2.7|udp|53|domain',
        'Service|domain',
        'Service|https',
      ].sort(),
    );
  });

  it('comments, processing instructions, entities, CDATA and an attribute called __proto__ are read, not executed', () => {
    const xml = doc(`<!-- a comment with <port> inside --><?pi x?>` + port(80, 'open', '<service name="h&#116;tp" __proto__="x"><![CDATA[<not-a-tag>]]></service>'));
    expect(pks(run(xml, null).objects)).toContain('IPService|internet|192.0.2.7|tcp|80|http');
  });
});

describe('kat_nmap_normalizer: bad input fails with a code, fast, and returns nothing', () => {
  const lo = ip('127.0.0.1');
  const reject = (raw: Buffer, input: OOI | null = lo, codes?: string[]) => expectRejected(normalizeNmap, { raw, mimeTypes: MIME, input }, codes);
  const good = fixture(ID, 'ipv4-open-closed.xml');
  const MB50 = 50 * 1024 * 1024;

  it('truncated XML, at any point', () => {
    for (let cut = 1; cut < good.length - 1; cut += 37) reject(good.subarray(0, cut));
    reject(good.subarray(0, good.indexOf('</nmaprun>')));
  });

  it('50 MB of random bytes, random ASCII, endless nesting, endless text, an endless attribute', () => {
    expect(reject(garbage(MB50)).details?.reason).toBe('encoding');
    reject(Buffer.from(garbage(MB50).map((b) => 0x20 + (b % 0x5f))));
    reject(Buffer.from('<nmaprun>' + '<a>'.repeat(MB50 / 3)));
    reject(Buffer.concat([Buffer.from('<nmaprun>'), Buffer.alloc(MB50, 'x')]));
    reject(Buffer.concat([Buffer.from('<nmaprun a="'), Buffer.alloc(MB50, 'x')]));
    reject(Buffer.from('<nmaprun>' + '&amp;'.repeat(MB50 / 5)));
  });

  it('no DTD tricks: entity bombs and external entities are refused', () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><nmaprun>&lol2;</nmaprun>';
    expect(reject(Buffer.from(bomb)).message).toContain('DTD');
    expect(reject(Buffer.from('<!DOCTYPE nmaprun SYSTEM "file:///etc/passwd"><nmaprun>&xxe;</nmaprun>')).message).toContain('&xxe;');
    reject(Buffer.from('<nmaprun>&#0;</nmaprun>'));
  });

  it('UTF-16 and latin1 bytes', () => {
    reject(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(good.toString('utf8'), 'utf16le')]));
    reject(Buffer.from(good.toString('utf8'), 'utf16le'));
    expect(reject(Buffer.from(doc(port(80, 'open', '<service name="caf\u00e9"/>')).toString('utf8'), 'latin1'), null).details?.reason).toBe('encoding');
  });

  it('XML that is not well-formed', () => {
    for (const bad of ['<nmaprun></host>', '<nmaprun><a></b></nmaprun>', '<nmaprun a=1/>', '<nmaprun a="1" a="2"/>', '<nmaprun/><nmaprun/>', 'text<nmaprun/>', '<nmaprun a="<"/>', '<nmaprun>&bogus</nmaprun>', '']) {
      expect(reject(Buffer.from(bad)).details?.reason, bad).toBe('xml');
    }
  });

  it('XML that is not a finished nmap scan', () => {
    reject(Buffer.from('<html><body/></html>'));
    expect(reject(Buffer.from('<nmaprun><host/></nmaprun>')).details?.reason).toBe('incomplete');
    const failed = '<nmaprun><runstats><finished exit="error" errormsg="Failed to resolve"/></runstats></nmaprun>';
    expect(reject(Buffer.from(failed)).message).toContain('Failed to resolve');
  });

  it('hostile values: an invalid IP, a port out of range, a 10k-character service name, another host than the input', () => {
    reject(doc(port(80, 'open'), '<address addr="999.1.1.1" addrtype="ipv4"/>'), null, ['INVALID_OBJECT']);
    reject(doc(port(80, 'open'), `<address addr="${'1'.repeat(10_000)}" addrtype="ipv6"/>`), null, ['INVALID_OBJECT']);
    reject(doc(port(70000, 'open')), null, ['INVALID_OBJECT']);
    reject(doc(port('eighty', 'open')), null, ['INVALID_OBJECT']);
    expect(reject(doc(port(80, 'open', `<service name="${'a'.repeat(10_000)}"/>`)), null).details?.reason).toBe('value');
    expect(reject(doc(port(80, 'open')), lo).details?.reason).toBe('input');
  });
});
