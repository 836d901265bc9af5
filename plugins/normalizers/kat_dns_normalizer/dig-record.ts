/**
 * One resource record as dig prints it in its answer and authority sections (zone-file
 * presentation): `owner TTL CLASS TYPE RDATA`, e.g. `example.test.  300  IN  MX  10 mail.example.test.`.
 * Parsing is pure, linear in the line length, and returns a reason instead of throwing, so the
 * caller can say which query and line broke.
 */

export type DigRecord =
  | { owner: string; ttl: number; type: 'A' | 'AAAA' | 'CNAME' | 'NS'; target: string }
  | { owner: string; ttl: number; type: 'MX'; preference: number; exchange: string }
  | { owner: string; ttl: number; type: 'TXT'; text: string }
  | { owner: string; ttl: number; type: 'CAA'; flags: number; tag: string; value: string }
  | {
      owner: string;
      ttl: number;
      type: 'SOA';
      mname: string;
      rname: string;
      serial: number;
      refresh: number;
      retry: number;
      expire: number;
      minimum: number;
    }
  /** a type this normalizer does not model (RRSIG, DNAME, ...): recognised and skipped */
  | { owner: string; ttl: number; type: 'other'; rrtype: string };

export class DigParseError extends Error {}

const encoder = new TextEncoder();
const utf8 = new TextDecoder('utf-8');
const UINT_RE = /^\d{1,10}$/;
const MAX_U32 = 0xffffffff;

function uint(token: string | undefined, what: string, max = MAX_U32): number {
  if (token === undefined || !UINT_RE.test(token)) throw new DigParseError(`${what} is not a number: '${token ?? ''}'`);
  const n = Number(token);
  if (n > max) throw new DigParseError(`${what} is out of range: ${n}`);
  return n;
}

/** Splits on runs of spaces/tabs, at most `limit` fields; the last one keeps the rest of the line. */
function fields(line: string, limit: number): string[] {
  const out: string[] = [];
  let i = 0;
  const n = line.length;
  while (out.length < limit - 1) {
    while (i < n && (line[i] === ' ' || line[i] === '\t')) i++;
    if (i >= n) return out;
    const start = i;
    while (i < n && line[i] !== ' ' && line[i] !== '\t') i++;
    out.push(line.slice(start, i));
  }
  while (i < n && (line[i] === ' ' || line[i] === '\t')) i++;
  if (i < n) out.push(line.slice(i).trimEnd());
  return out;
}

/**
 * The character-strings of TXT / CAA rdata: quoted ("a b") or bare tokens, with `\X` and `\DDD`
 * (a decimal byte) escapes. Returns the bytes of each string; the caller decodes them as UTF-8.
 */
export function characterStrings(rdata: string): Uint8Array[] {
  const out: Uint8Array[] = [];
  const n = rdata.length;
  let i = 0;
  while (i < n) {
    const c = rdata[i]!;
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    const quoted = c === '"';
    if (quoted) i++;
    const bytes: number[] = [];
    let closed = !quoted;
    while (i < n) {
      const ch = rdata.charCodeAt(i);
      if (quoted && ch === 34) {
        closed = true;
        i++;
        break;
      }
      if (!quoted && (ch === 32 || ch === 9)) break;
      if (ch === 92) {
        const d = rdata.slice(i + 1, i + 4);
        if (/^\d{3}$/.test(d)) {
          const v = Number(d);
          if (v > 255) throw new DigParseError(`bad escape \\${d}`);
          bytes.push(v);
          i += 4;
          continue;
        }
        if (i + 1 >= n) throw new DigParseError('a backslash ends the text');
        i++;
      }
      const cp = rdata.codePointAt(i)!;
      if (cp > 0x7f) {
        for (const b of encoder.encode(String.fromCodePoint(cp))) bytes.push(b);
        i += cp > 0xffff ? 2 : 1;
      } else {
        bytes.push(cp);
        i++;
      }
    }
    if (!closed) throw new DigParseError('an unterminated quoted string');
    out.push(Uint8Array.from(bytes));
  }
  return out;
}


function text(parts: Uint8Array[]): string {
  let len = 0;
  for (const p of parts) len += p.length;
  const all = new Uint8Array(len);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return utf8.decode(all);
}

/** Parses one record line; throws DigParseError with the reason. */
export function parseDigRecord(line: string): DigRecord {
  const f = fields(line, 5);
  if (f.length < 5) throw new DigParseError('expected "owner TTL class type data"');
  const [owner, ttlText, cls, rrtype, rdata] = f as [string, string, string, string, string];
  const ttl = uint(ttlText, 'the TTL', 0x7fffffff);
  if (cls !== 'IN') throw new DigParseError(`class ${cls} is not IN`);
  const base = { owner, ttl };
  switch (rrtype) {
    case 'A':
    case 'AAAA':
    case 'CNAME':
    case 'NS': {
      const parts = fields(rdata, 2);
      if (parts.length !== 1) throw new DigParseError(`${rrtype} data must be one value, got '${rdata}'`);
      return { ...base, type: rrtype, target: parts[0]! };
    }
    case 'MX': {
      const parts = fields(rdata, 3);
      if (parts.length !== 2) throw new DigParseError(`MX data must be "preference exchange", got '${rdata}'`);
      return { ...base, type: 'MX', preference: uint(parts[0], 'the MX preference', 0xffff), exchange: parts[1]! };
    }
    case 'SOA': {
      const p = fields(rdata, 8);
      if (p.length !== 7) throw new DigParseError(`SOA data must have 7 fields, got '${rdata}'`);
      return {
        ...base,
        type: 'SOA',
        mname: p[0]!,
        rname: p[1]!,
        serial: uint(p[2], 'the SOA serial'),
        refresh: uint(p[3], 'the SOA refresh'),
        retry: uint(p[4], 'the SOA retry'),
        expire: uint(p[5], 'the SOA expire'),
        minimum: uint(p[6], 'the SOA minimum'),
      };
    }
    case 'TXT':
      return { ...base, type: 'TXT', text: text(characterStrings(rdata)) };
    case 'CAA': {
      const p = fields(rdata, 3);
      if (p.length !== 3) throw new DigParseError(`CAA data must be "flags tag value", got '${rdata}'`);
      return { ...base, type: 'CAA', flags: uint(p[0], 'the CAA flags', 255), tag: p[1]!.toLowerCase(), value: text(characterStrings(p[2]!)) };
    }
    default:
      if (!/^[A-Z][A-Z0-9-]{0,15}$/.test(rrtype)) throw new DigParseError(`'${rrtype}' is not a record type`);
      return { ...base, type: 'other', rrtype };
  }
}
