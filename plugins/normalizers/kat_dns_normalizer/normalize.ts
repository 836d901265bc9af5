/**
 * kat_dns_normalizer: the dns-records document (boefje/dns-records, see
 * plugins/boefjes/dns-records/README.md) into Hostnames, IP addresses, DNS records, the DNS zone,
 * DMARC records or NXDOMAIN. Pure.
 *
 * - Every record belongs to its owner name (a CNAME chain gives records of the target too), in the
 *   network of the input Hostname (Network|internet for a file uploaded without an object).
 * - An SOA record (answer, or the authority section of the SOA query) names the zone: DNSZone plus
 *   Hostname.dns_zone of the scanned name.
 * - TXT records at _dmarc.<name> (also behind a CNAME) become DMARCTXTRecord of <name>.
 * - NXDOMAIN: when every answered query for the name says NXDOMAIN, only Hostname + NXDOMAIN.
 * - A query that got no reply (TIMEOUT / ERROR) makes the whole file RAW_MALFORMED (reason
 *   'incomplete'): a partial result would delete the records the missing query would have
 *   confirmed. SERVFAIL / REFUSED / NOTIMP for one type just yield nothing for that type.
 * - CAA tags outside the model's list are skipped; other record types (RRSIG ...) too.
 */
import { normalizeObject, type OOI } from '../../../src-main/graph/model';
import { CAA_TAGS } from '../../../src-main/graph/model/defs/dns';
import { assertJsonDepth } from '../../../src-main/normalizers/json-depth';
import { ObjectSet } from '../../../src-main/normalizers/object-set';
import { decodeUtf8, malformed, parseJson, type Normalize } from '../../../src-main/normalizers/types';
import { DigParseError, parseDigRecord, type DigRecord } from './dig-record';

export const DNS_RECORDS_FORMAT = 'kattegat/dns-records@1';
const QUERY_TYPES = new Set(['A', 'AAAA', 'CNAME', 'MX', 'NS', 'SOA', 'TXT', 'CAA']);
const NO_REPLY = new Set(['TIMEOUT', 'ERROR']);

interface Query {
  name: string;
  type: string;
  status: string;
  answer: string[];
  authority: string[];
}

interface Doc {
  hostname: string;
  queries: Query[];
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

function readDoc(raw: Uint8Array): Doc {
  const text = decodeUtf8(raw, 'the dns-records file');
  assertJsonDepth(text, 8, 'the dns-records file');
  const doc = parseJson(text, 'the dns-records file');
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw malformed('the dns-records file is not a JSON object', { reason: 'shape' });
  const d = doc as Record<string, unknown>;
  if (d.format !== DNS_RECORDS_FORMAT) {
    throw malformed(`the dns-records file has format ${JSON.stringify(d.format)}, expected "${DNS_RECORDS_FORMAT}"`, { reason: 'format' });
  }
  if (typeof d.hostname !== 'string' || d.hostname === '') throw malformed('the dns-records file has no hostname', { reason: 'shape', field: 'hostname' });
  if (!Array.isArray(d.queries)) throw malformed('the dns-records file has no queries list', { reason: 'shape', field: 'queries' });
  d.queries.forEach((q: unknown, i: number) => {
    const o = q as Record<string, unknown> | null;
    const ok =
      o !== null && typeof o === 'object' && typeof o.name === 'string' && typeof o.type === 'string' && typeof o.status === 'string' &&
      isStringArray(o.answer) && isStringArray(o.authority);
    if (!ok) throw malformed(`query ${i} of the dns-records file lacks name, type, status, answer or authority`, { reason: 'shape', query: i });
    if (!QUERY_TYPES.has(o.type as string)) throw malformed(`query ${i} asks for an unknown type ${JSON.stringify(o.type)}`, { reason: 'shape', query: i });
  });
  return { hostname: d.hostname, queries: d.queries as Query[] };
}

const lower = (name: string) => name.toLowerCase().replace(/\.$/, '');

/** The input Hostname's network and name, or the file's name on the internet for an upload. */
function subject(input: OOI | null, doc: Doc): { network: string; host: OOI } {
  if (input !== null && input.type !== 'Hostname') {
    throw malformed(`dns-records output belongs to a Hostname, but the input object is ${input.pk}`, { reason: 'input', input: input.pk });
  }
  const network = input ? String(input.data.network) : 'Network|internet';
  const host = normalizeObject('Hostname', { network, name: input ? input.data.name : doc.hostname });
  const fileHost = normalizeObject('Hostname', { network, name: doc.hostname });
  if (fileHost.pk !== host.pk) throw malformed(`the dns-records file is about ${doc.hostname}, not ${String(host.data.name)}`, { reason: 'input', input: host.pk });
  return { network, host };
}

function records(q: Query, index: number, section: 'answer' | 'authority'): DigRecord[] {
  return q[section].map((line, i) => {
    try {
      return parseDigRecord(line);
    } catch (e) {
      if (e instanceof DigParseError) {
        throw malformed(`query ${index} (${q.name} ${q.type}), ${section} line ${i + 1}: ${e.message}`, { reason: 'record', query: index, line: i + 1 });
      }
      throw e;
    }
  });
}

export const normalizeDns: Normalize = ({ raw, input }) => {
  const doc = readDoc(raw);
  const { network, host } = subject(input, doc);
  const name = String(host.data.name);
  const dmarcName = `_dmarc.${name}`;
  const out = new ObjectSet();
  const hostname = (n: string) => out.add(normalizeObject('Hostname', { network, name: n }));

  doc.queries.forEach((q, i) => {
    const qn = lower(q.name);
    if (qn !== name && qn !== dmarcName) throw malformed(`query ${i} is for ${q.name}, not for ${name}`, { reason: 'shape', query: i });
    if (NO_REPLY.has(q.status)) {
      throw malformed(`no reply to ${q.name} ${q.type} (${q.status}); the scan is incomplete and changes nothing`, { reason: 'incomplete', query: i });
    }
  });
  const main = doc.queries.filter((q) => lower(q.name) === name);
  const replied = main.filter((q) => q.status === 'NOERROR' || q.status === 'NXDOMAIN');
  if (!doc.queries.some((q) => q.status === 'NOERROR' || q.status === 'NXDOMAIN')) {
    const statuses = [...new Set(doc.queries.map((q) => q.status))].join(', ') || 'no queries at all';
    throw malformed(`no query for ${name} was answered (${statuses})`, { reason: 'incomplete' });
  }

  out.add(host);
  if (replied.length > 0 && replied.every((q) => q.status === 'NXDOMAIN')) {
    out.add(normalizeObject('NXDOMAIN', { hostname: host.pk }));
    return { objects: out.toArray() };
  }

  const zoneOf = (apex: string) => {
    const apexPk = hostname(apex);
    const zone = out.add(normalizeObject('DNSZone', { hostname: apexPk }));
    out.add(normalizeObject('Hostname', { network, name: apex, dns_zone: zone }));
    return zone;
  };

  doc.queries.forEach((q, i) => {
    if (q.status !== 'NOERROR') return;
    const isDmarc = lower(q.name) === dmarcName;
    for (const r of records(q, i, 'answer')) {
      if (isDmarc) {
        if (r.type === 'TXT') out.add(normalizeObject('DMARCTXTRecord', { hostname: host.pk, value: r.text, ttl: r.ttl }));
        continue;
      }
      addRecord(r);
    }
    if (q.type === 'SOA' && !isDmarc) {
      for (const r of records(q, i, 'authority')) {
        if (r.type === 'SOA') out.add(normalizeObject('Hostname', { ...host.data, dns_zone: zoneOf(lower(r.owner)) }));
      }
    }
  });
  return { objects: out.toArray() };

  function addRecord(r: DigRecord): void {
    if (r.type === 'other') return;
    const owner = hostname(r.owner);
    const ttl = r.ttl;
    switch (r.type) {
      case 'A':
      case 'AAAA': {
        const ip = normalizeObject(r.type === 'A' ? 'IPAddressV4' : 'IPAddressV6', { network, address: r.target });
        out.add(ip);
        out.add(normalizeObject(r.type === 'A' ? 'DNSARecord' : 'DNSAAAARecord', { hostname: owner, address: ip.pk, value: ip.data.address, ttl }));
        return;
      }
      case 'CNAME':
      case 'NS': {
        const target = normalizeObject('Hostname', { network, name: r.target });
        out.add(target);
        const ref = r.type === 'CNAME' ? 'target_hostname' : 'name_server_hostname';
        out.add(normalizeObject(r.type === 'CNAME' ? 'DNSCNAMERecord' : 'DNSNSRecord', { hostname: owner, [ref]: target.pk, value: target.data.name, ttl }));
        return;
      }
      case 'MX': {
        // "0 ." is a null MX: the domain accepts no mail
        const mail = r.exchange === '.' ? undefined : normalizeObject('Hostname', { network, name: r.exchange });
        if (mail) out.add(mail);
        const value = `${r.preference} ${mail ? String(mail.data.name) : '.'}`;
        out.add(normalizeObject('DNSMXRecord', { hostname: owner, mail_hostname: mail?.pk, preference: r.preference, value, ttl }));
        return;
      }
      case 'SOA': {
        const mname = normalizeObject('Hostname', { network, name: r.mname });
        out.add(mname);
        const rname = lower(r.rname);
        const value = `${String(mname.data.name)} ${rname} ${r.serial} ${r.refresh} ${r.retry} ${r.expire} ${r.minimum}`;
        const { serial, refresh, retry, expire, minimum } = r;
        out.add(normalizeObject('DNSSOARecord', { hostname: owner, soa_hostname: mname.pk, serial, refresh, retry, expire, minimum, value, ttl }));
        zoneOf(lower(r.owner));
        return;
      }
      case 'TXT':
        out.add(normalizeObject('DNSTXTRecord', { hostname: owner, value: r.text, ttl }));
        return;
      case 'CAA':
        if (!(CAA_TAGS as readonly string[]).includes(r.tag)) return;
        out.add(normalizeObject('DNSCAARecord', { hostname: owner, flags: r.flags, tag: r.tag, value: r.value, ttl }));
        return;
    }
  }
};
