/**
 * A tiny authoritative DNS server for tests (UDP on 127.0.0.1, a random high port). It serves one
 * zone from a record list: A, AAAA, CNAME, MX, NS, SOA, TXT and CAA; follows a CNAME inside the zone
 * like a real server does; answers NXDOMAIN (with the SOA in the authority section) for names in the
 * zone that have no records, NOERROR without answers (NODATA, SOA in authority) for a type a name
 * lacks, and REFUSED for names outside the zone. Every answer is authoritative (AA).
 *
 *   const dns = await startDnsServer(exampleTestZone());
 *   // dig @127.0.0.1 -p ${dns.port} example.test A
 *   await dns.close();
 */
import { createSocket, type Socket } from 'node:dgram';
import { isIPv4, isIPv6 } from 'node:net';

export type TestRecord =
  | { name: string; type: 'A' | 'AAAA'; ttl?: number; data: string }
  | { name: string; type: 'CNAME' | 'NS'; ttl?: number; data: string }
  | { name: string; type: 'MX'; ttl?: number; data: { preference: number; exchange: string } }
  | { name: string; type: 'TXT'; ttl?: number; data: string | string[] }
  | { name: string; type: 'CAA'; ttl?: number; data: { flags: number; tag: string; value: string } }
  | {
      name: string;
      type: 'SOA';
      ttl?: number;
      data: { mname: string; rname: string; serial: number; refresh: number; retry: number; expire: number; minimum: number };
    };

export interface ZoneSpec {
  /** the apex, e.g. 'example.test'; it must have an SOA record */
  zone: string;
  records: TestRecord[];
  /** default 300 */
  defaultTtl?: number;
}

export interface TestDnsServer {
  host: '127.0.0.1';
  port: number;
  /** every question received, as 'name TYPE' (lowercase name) */
  queries: string[];
  close(): Promise<void>;
}

const TYPE_CODES: Record<TestRecord['type'], number> = { A: 1, NS: 2, CNAME: 5, SOA: 6, MX: 15, TXT: 16, AAAA: 28, CAA: 257 };
const TYPE_NAMES = new Map(Object.entries(TYPE_CODES).map(([k, v]) => [v, k]));
const RCODE = { NOERROR: 0, FORMERR: 1, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 } as const;

const canon = (name: string) => name.toLowerCase().replace(/\.$/, '');

/** The zone most tests use: every record type, a CNAME chain, DMARC, a name with only TXT. */
export function exampleTestZone(): ZoneSpec {
  return {
    zone: 'example.test',
    records: [
      { name: 'example.test', type: 'SOA', ttl: 3600, data: { mname: 'ns1.example.test', rname: 'hostmaster.example.test', serial: 2026120201, refresh: 7200, retry: 3600, expire: 1209600, minimum: 300 } },
      { name: 'example.test', type: 'NS', ttl: 3600, data: 'ns1.example.test' },
      { name: 'example.test', type: 'NS', ttl: 3600, data: 'ns2.example.test' },
      { name: 'example.test', type: 'A', data: '127.0.0.1' },
      { name: 'example.test', type: 'A', data: '127.0.0.2' },
      { name: 'example.test', type: 'AAAA', data: '::1' },
      { name: 'example.test', type: 'MX', data: { preference: 10, exchange: 'mail.example.test' } },
      { name: 'example.test', type: 'MX', data: { preference: 20, exchange: 'mx2.example.test' } },
      { name: 'example.test', type: 'TXT', data: 'v=spf1 ip4:127.0.0.1 -all' },
      { name: 'example.test', type: 'TXT', data: ['google-site-verification=', 'abc "quoted" \\ back'] },
      { name: 'example.test', type: 'CAA', data: { flags: 0, tag: 'issue', value: 'letsencrypt.org' } },
      { name: 'example.test', type: 'CAA', data: { flags: 128, tag: 'iodef', value: 'mailto:security@example.test' } },
      { name: '_dmarc.example.test', type: 'TXT', data: 'v=DMARC1; p=reject; rua=mailto:dmarc@example.test' },
      { name: 'www.example.test', type: 'CNAME', data: 'example.test' },
      { name: 'ns1.example.test', type: 'A', data: '127.0.0.53' },
      { name: 'ns2.example.test', type: 'AAAA', data: '2001:db8::53' },
      { name: 'mail.example.test', type: 'A', data: '127.0.0.25' },
    ],
  };
}

function encodeName(name: string): Buffer {
  const parts: Buffer[] = [];
  for (const label of canon(name).split('.').filter(Boolean)) {
    const b = Buffer.from(label, 'ascii');
    if (b.length > 63) throw new Error(`label too long: ${label}`);
    parts.push(Buffer.from([b.length]), b);
  }
  parts.push(Buffer.from([0]));
  return Buffer.concat(parts);
}

function ipv6Bytes(addr: string): Buffer {
  const [head, tail] = addr.includes('::') ? addr.split('::') : [addr, undefined];
  const h = head ? head.split(':') : [];
  const t = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  const out = Buffer.alloc(16);
  groups.forEach((g, i) => out.writeUInt16BE(parseInt(g, 16), i * 2));
  return out;
}

function charString(s: string | Buffer): Buffer {
  const b = Buffer.isBuffer(s) ? s : Buffer.from(s, 'utf8');
  if (b.length > 255) throw new Error('character-string longer than 255 bytes');
  return Buffer.concat([Buffer.from([b.length]), b]);
}

function rdata(r: TestRecord): Buffer {
  switch (r.type) {
    case 'A':
      if (!isIPv4(r.data)) throw new Error(`bad A ${r.data}`);
      return Buffer.from(r.data.split('.').map(Number));
    case 'AAAA':
      if (!isIPv6(r.data)) throw new Error(`bad AAAA ${r.data}`);
      return ipv6Bytes(r.data);
    case 'CNAME':
    case 'NS':
      return encodeName(r.data);
    case 'MX': {
      const p = Buffer.alloc(2);
      p.writeUInt16BE(r.data.preference);
      return Buffer.concat([p, encodeName(r.data.exchange)]);
    }
    case 'TXT':
      return Buffer.concat((Array.isArray(r.data) ? r.data : [r.data]).map(charString));
    case 'CAA':
      return Buffer.concat([Buffer.from([r.data.flags]), charString(r.data.tag), Buffer.from(r.data.value, 'utf8')]);
    case 'SOA': {
      const n = Buffer.alloc(20);
      [r.data.serial, r.data.refresh, r.data.retry, r.data.expire, r.data.minimum].forEach((v, i) => n.writeUInt32BE(v >>> 0, i * 4));
      return Buffer.concat([encodeName(r.data.mname), encodeName(r.data.rname), n]);
    }
  }
}

function encodeRecord(r: TestRecord, defaultTtl: number): Buffer {
  const data = rdata(r);
  const fixed = Buffer.alloc(10);
  fixed.writeUInt16BE(TYPE_CODES[r.type], 0);
  fixed.writeUInt16BE(1, 2); // IN
  fixed.writeUInt32BE(r.ttl ?? defaultTtl, 4);
  fixed.writeUInt16BE(data.length, 8);
  return Buffer.concat([encodeName(r.name), fixed, data]);
}

/** The question of a query: name (lowercase, no dot), type, class and where the question ends. */
function parseQuestion(msg: Buffer): { name: string; qtype: number; end: number } | undefined {
  if (msg.length < 12 || msg.readUInt16BE(4) !== 1) return undefined;
  const labels: string[] = [];
  let at = 12;
  for (;;) {
    if (at >= msg.length) return undefined;
    const len = msg[at]!;
    if (len === 0) break;
    if (len > 63 || at + 1 + len > msg.length) return undefined;
    labels.push(msg.subarray(at + 1, at + 1 + len).toString('latin1'));
    at += 1 + len;
  }
  at += 1;
  if (at + 4 > msg.length) return undefined;
  return { name: canon(labels.join('.')), qtype: msg.readUInt16BE(at), end: at + 4 };
}

function inZone(name: string, zone: string): boolean {
  return name === zone || name.endsWith('.' + zone);
}

/** The answer to one query message, or undefined to stay silent (not a query at all). */
export function answerQuery(spec: ZoneSpec, msg: Buffer): Buffer | undefined {
  if (msg.length < 12 || msg[2]! & 0x80) return undefined;
  const zone = canon(spec.zone);
  const ttl = spec.defaultTtl ?? 300;
  const q = parseQuestion(msg);
  const header = Buffer.alloc(12);
  msg.copy(header, 0, 0, 2); // id
  const rd = msg[2]! & 0x01;
  const reply = (rcode: number, question: Buffer, answers: TestRecord[], authority: TestRecord[]) => {
    header[2] = 0x80 | 0x04 | rd; // QR, AA, RD copied
    header[3] = rcode;
    header.writeUInt16BE(question.length > 0 ? 1 : 0, 4);
    header.writeUInt16BE(answers.length, 6);
    header.writeUInt16BE(authority.length, 8);
    header.writeUInt16BE(0, 10);
    return Buffer.concat([header, question, ...answers.map((r) => encodeRecord(r, ttl)), ...authority.map((r) => encodeRecord(r, ttl))]);
  };
  if (!q) return reply(RCODE.FORMERR, Buffer.alloc(0), [], []);
  const question = msg.subarray(12, q.end);
  if ((msg[2]! & 0x78) !== 0) return reply(RCODE.NOTIMP, question, [], []);
  if (!inZone(q.name, zone)) return reply(RCODE.REFUSED, question, [], []);
  const soa = spec.records.filter((r) => r.type === 'SOA' && canon(r.name) === zone);
  const typeName = TYPE_NAMES.get(q.qtype);
  const answers: TestRecord[] = [];
  let name = q.name;
  for (let hops = 0; hops < 8; hops++) {
    const own = spec.records.filter((r) => canon(r.name) === name);
    if (own.length === 0) {
      if (answers.length === 0) return reply(RCODE.NXDOMAIN, question, [], soa);
      break;
    }
    const direct = own.filter((r) => r.type === typeName);
    const cname = own.find((r) => r.type === 'CNAME');
    if (direct.length > 0 || !cname) {
      answers.push(...direct);
      break;
    }
    answers.push(cname);
    name = canon(cname.data as string);
    if (!inZone(name, zone)) break;
  }
  return reply(RCODE.NOERROR, question, answers, answers.length === 0 ? soa : []);
}

/** Starts the server on 127.0.0.1 and a free port. */
export async function startDnsServer(spec: ZoneSpec = exampleTestZone()): Promise<TestDnsServer> {
  const socket: Socket = createSocket('udp4');
  const queries: string[] = [];
  socket.on('message', (msg, rinfo) => {
    const q = parseQuestion(msg);
    if (q) queries.push(`${q.name} ${TYPE_NAMES.get(q.qtype) ?? q.qtype}`);
    const out = answerQuery(spec, msg);
    if (out) socket.send(out, rinfo.port, rinfo.address);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => {
      socket.off('error', reject);
      resolve();
    });
  });
  return {
    host: '127.0.0.1',
    port: socket.address().port,
    queries,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
