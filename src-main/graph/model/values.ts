/**
 * Normalisers for single attribute values. They return the canonical value, or a `Bad` describing
 * what is wrong: no exceptions, so the hot paths (normalisation, key parsing) stay cheap.
 */
import { isIPv6 } from 'node:net';
import { domainToASCII } from 'node:url';
import type { FieldDef } from './types.js';

export class Bad {
  constructor(
    readonly reason: string,
    readonly message: string,
  ) {}
}

export function isBad(v: unknown): v is Bad {
  return v instanceof Bad;
}

/** Canonical dotted quad: four decimal octets 0-255, no leading zeros, nothing else. */
export function normIPv4(s: string): string | Bad {
  const n = s.length;
  if (n < 7 || n > 15) return new Bad('bad-ip', `'${s}' is not an IPv4 address`);
  let octets = 0;
  let value = 0;
  let digits = 0;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? s.charCodeAt(i) : 46;
    if (c === 46) {
      if (digits === 0 || value > 255) return new Bad('bad-ip', `'${s}' is not an IPv4 address`);
      octets++;
      value = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      if (digits === 1 && value === 0) {
        return new Bad('bad-ip', `'${s}' is not an IPv4 address: octets may not have leading zeros`);
      }
      value = value * 10 + (c - 48);
      digits++;
    } else {
      return new Bad('bad-ip', `'${s}' is not an IPv4 address`);
    }
  }
  return octets === 4 ? s : new Bad('bad-ip', `'${s}' is not an IPv4 address`);
}

/** Canonical IPv6: compressed lowercase (RFC 5952 as WHATWG URL prints it); no zone ids. */
export function normIPv6(s: string): string | Bad {
  if (s.indexOf('%') >= 0 || !isIPv6(s)) return new Bad('bad-ip', `'${s}' is not an IPv6 address`);
  return new URL(`http://[${s}]/`).hostname.slice(1, -1);
}

export function normIP(s: string): string | Bad {
  if (s.indexOf(':') >= 0) return normIPv6(s);
  const v4 = normIPv4(s);
  return isBad(v4) ? new Bad('bad-ip', `'${s}' is not an IP address`) : v4;
}

function isAsciiHostChars(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

/**
 * Hostnames: lowercase, IDNA (punycode) form, no trailing dot. Labels of 1-63 letters, digits,
 * hyphens and underscores (for _dmarc and similar), not starting or ending with a hyphen; at most
 * 253 characters; the last label may not be all digits, so an address is never a hostname.
 */
export function normHostname(input: string): string | Bad {
  let s = input.endsWith('.') ? input.slice(0, -1) : input;
  s = s.toLowerCase();
  if (!isAsciiHostChars(s)) {
    const ascii = domainToASCII(s);
    if (ascii === '') return new Bad('bad-hostname', `'${input}' is not a valid hostname (IDNA conversion failed)`);
    s = ascii;
  }
  const n = s.length;
  if (n === 0 || n > 253) return new Bad('bad-hostname', `'${input}' is not a valid hostname: length must be 1-253`);
  let start = 0;
  let allDigits = true;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? s.charCodeAt(i) : 46;
    if (c === 46) {
      const len = i - start;
      if (len === 0 || len > 63) {
        return new Bad('bad-hostname', `'${input}' is not a valid hostname: labels must be 1-63 characters`);
      }
      if (s.charCodeAt(start) === 45 || s.charCodeAt(i - 1) === 45) {
        return new Bad('bad-hostname', `'${input}' is not a valid hostname: a label may not start or end with '-'`);
      }
      if (i === n && allDigits) {
        return new Bad('bad-hostname', `'${input}' is not a valid hostname: the last label is numeric`);
      }
      start = i + 1;
      allDigits = true;
    } else if ((c >= 97 && c <= 122) || c === 45 || c === 95) {
      allDigits = false;
    } else if (!(c >= 48 && c <= 57)) {
      return new Bad('bad-hostname', `'${input}' is not a valid hostname: '${s[i]}' is not allowed`);
    }
  }
  return s;
}

const INT_RE = /^-?\d+$/;

function inRange(f: FieldDef, v: number): number | Bad {
  if (f.min !== undefined && v < f.min) return new Bad('out-of-range', `must be at least ${f.min}, got ${v}`);
  if (f.max !== undefined && v > f.max) return new Bad('out-of-range', `must be at most ${f.max}, got ${v}`);
  return v;
}

export function normInteger(f: FieldDef, v: unknown): number | Bad {
  let n: number;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string' && INT_RE.test(v)) n = Number(v);
  else return new Bad('wrong-kind', `expected an integer, got ${describe(v)}`);
  if (!Number.isSafeInteger(n)) return new Bad('wrong-kind', `expected an integer, got ${describe(v)}`);
  return inRange(f, n);
}

export function normNumber(f: FieldDef, v: unknown): number | Bad {
  let n: number;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string' && v.trim() !== '') n = Number(v);
  else return new Bad('wrong-kind', `expected a number, got ${describe(v)}`);
  if (!Number.isFinite(n)) return new Bad('wrong-kind', `expected a finite number, got ${describe(v)}`);
  return inRange(f, n);
}

export function normDatetime(v: unknown): string | Bad {
  let d: Date;
  if (v instanceof Date) d = v;
  else if (typeof v === 'string' || typeof v === 'number') d = new Date(v);
  else return new Bad('wrong-kind', `expected a date-time, got ${describe(v)}`);
  const t = d.getTime();
  if (Number.isNaN(t)) return new Bad('bad-datetime', `'${String(v)}' is not a valid date-time`);
  return d.toISOString();
}

export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `the string '${v.length > 60 ? v.slice(0, 57) + '...' : v}'`;
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v)}`;
}
