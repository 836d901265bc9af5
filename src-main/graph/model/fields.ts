/**
 * Normalisation of one non-reference attribute value, shared by object validation (normalize.ts)
 * and key parsing (reference.ts). Returns the canonical value or a `Bad`; never throws.
 */
import type { TypeInfo } from './registry.js';
import type { FieldDef } from './types.js';
import {
  Bad,
  describe,
  isBad,
  normDatetime,
  normHostname,
  normInteger,
  normIP,
  normIPv4,
  normIPv6,
  normNumber,
} from './values.js';

function expectString(v: unknown): string | Bad {
  return typeof v === 'string' ? v : new Bad('wrong-kind', `expected a string, got ${describe(v)}`);
}

/** Canonical value of a scalar field (every kind except 'reference'). */
export function normScalar(info: TypeInfo, f: FieldDef, v: unknown): unknown {
  switch (f.kind) {
    case 'string': {
      let s = expectString(v);
      if (isBad(s)) return s;
      if (f.uppercase) s = s.trim().toUpperCase();
      const re = info.patterns.get(f.name);
      if (re !== undefined && !re.test(s)) {
        return new Bad('bad-format', `'${s}' ${f.patternDescription ?? `does not match ${f.pattern ?? ''}`}`);
      }
      return s;
    }
    case 'integer':
      return normInteger(f, v);
    case 'number':
      return normNumber(f, v);
    case 'boolean':
      if (typeof v === 'boolean') return v;
      if (v === 'true') return true;
      if (v === 'false') return false;
      return new Bad('wrong-kind', `expected a boolean, got ${describe(v)}`);
    case 'enum': {
      const values = f.enumValues ?? [];
      if (typeof v === 'string' && values.includes(v)) return v;
      return new Bad('bad-enum', `${describe(v)} is not one of ${values.map((x) => `'${x}'`).join(', ')}`);
    }
    case 'datetime':
      return normDatetime(v);
    case 'json':
      return v;
    case 'string[]':
      if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.slice();
      return new Bad('wrong-kind', `expected a list of strings, got ${describe(v)}`);
    case 'ipv4': {
      const s = expectString(v);
      return isBad(s) ? s : normIPv4(s);
    }
    case 'ipv6': {
      const s = expectString(v);
      return isBad(s) ? s : normIPv6(s);
    }
    case 'ip': {
      const s = expectString(v);
      return isBad(s) ? s : normIP(s);
    }
    case 'hostname': {
      const s = expectString(v);
      return isBad(s) ? s : normHostname(s);
    }
    case 'reference':
      return new Bad('wrong-kind', 'a reference is not a scalar');
  }
}

const SHA1_RE = /^[0-9a-f]{40}$/i;

/**
 * A natural key token back to a typed value: '' is absent (null) for optional attributes and an
 * error for required ones; sha1 key parts must be 40 hex digits.
 */
export function normKeyToken(info: TypeInfo, f: FieldDef, token: string, sha1: boolean): unknown {
  if (sha1) return SHA1_RE.test(token) ? token.toLowerCase() : new Bad('bad-hash', `'${token}' is not a SHA-1 hex digest`);
  if (token === '') return f.required ? new Bad('empty', 'is required but empty') : null;
  return normScalar(info, f, token);
}
