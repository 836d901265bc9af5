/**
 * A small SPF policy parser after the terms of RFC 7208 (section 4.6 and 12). Pure; it never
 * throws: what does not follow the grammar lands in `errors`, and terms that are allowed but
 * discouraged (ptr, section 5.5) land in `deprecated`.
 *
 *   record    = "v=spf1" *( 1*SP term ) *SP          (case-insensitive)
 *   term      = [qualifier] mechanism | modifier
 *   mechanism = all | include:D | a[:D][cidr] | mx[:D][cidr] | ptr[:D] | ip4:N[/0-32] | ip6:N[/0-128] | exists:D
 *   modifier  = redirect=D | exp=D | name=macro-string  (unknown modifiers are allowed and ignored)
 *
 * D is a domain-spec: either a plain hostname or a string with macros (%{d}, %{i} ...), which cannot
 * be resolved without a sender and is therefore kept as text only.
 */
import { isBad, normHostname, normIPv4, normIPv6 } from '../../../src-main/graph/model/values';

export type SpfQualifier = '+' | '-' | '~' | '?';

export type SpfMechanism =
  | { kind: 'all'; qualifier: SpfQualifier }
  | { kind: 'include' | 'exists'; qualifier: SpfQualifier; domain: SpfDomain }
  /** a / mx / ptr without a domain-spec mean the domain the policy belongs to */
  | { kind: 'a' | 'mx' | 'ptr'; qualifier: SpfQualifier; domain?: SpfDomain }
  | { kind: 'ip4' | 'ip6'; qualifier: SpfQualifier; address: string; prefix?: number };

/** A domain-spec: a hostname, or a macro string (no hostname to link to). */
export type SpfDomain = { hostname: string } | { macro: string };

export interface SpfPolicy {
  mechanisms: SpfMechanism[];
  redirect?: SpfDomain;
  exp?: SpfDomain;
  /** the qualifier of the (first) all mechanism */
  all?: SpfQualifier;
  /** grammar violations; non-empty means the policy is invalid (a permanent error for receivers) */
  errors: string[];
  /** terms that are valid but deprecated, e.g. 'ptr' */
  deprecated: string[];
}

const VERSION = /^v=spf1(?: |$)/i;
const QUALIFIERS = new Set<string>(['+', '-', '~', '?']);
const MODIFIER = /^([A-Za-z][A-Za-z0-9_.-]*)=(.*)$/s;
/** a macro-string (RFC 7208 7.1): visible characters, '%' only in %{...}, %%, %_ or %- */
const MACRO_STRING = /^(?:[\x21-\x24\x26-\x7e]|%\{[slodiphcrtv][0-9]*r?[.\-+,/_=]*\}|%%|%_|%-)*$/i;

/** True when a TXT value is an SPF policy (starts with the version section "v=spf1"). */
export function isSpfRecord(value: string): boolean {
  return VERSION.test(value.trimStart());
}

function domainSpec(text: string, term: string, errors: string[]): SpfDomain | undefined {
  if (text === '') {
    errors.push(`"${term}" has an empty domain`);
    return undefined;
  }
  if (text.includes('%')) {
    if (!MACRO_STRING.test(text)) {
      errors.push(`"${term}" has a malformed macro`);
      return undefined;
    }
    return { macro: text };
  }
  const name = normHostname(text);
  if (isBad(name) || !MACRO_STRING.test(text)) {
    errors.push(`"${term}" does not name a valid domain`);
    return undefined;
  }
  return { hostname: name };
}

/** "/24", "//64" or "/24//64" after a / mx; undefined when malformed */
function dualCidrOk(text: string): boolean {
  const m = /^(?:\/(\d{1,2}))?(?:\/\/(\d{1,3}))?$/.exec(text);
  if (!m) return false;
  const ok = (digits: string | undefined, max: number) => digits === undefined || (/^(?:0|[1-9]\d*)$/.test(digits) && Number(digits) <= max);
  return ok(m[1], 32) && ok(m[2], 128);
}

/** The index of the first '/' that is not inside a %{...} macro (which may use '/' as a delimiter), or -1. */
function slashOutsideMacros(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '%' && text[i + 1] === '{') depth++;
    else if (text[i] === '}' && depth > 0) depth--;
    else if (text[i] === '/' && depth === 0) return i;
  }
  return -1;
}

/** Splits "name[:domain][cidr]" for a / mx / ptr. */
function splitDomainAndCidr(rest: string, allowCidr: boolean): { domain?: string; cidr: string } {
  // rest starts after the mechanism name: "", ":example.org", ":example.org/24", "/24", "//64"
  const body = rest.startsWith(':') ? rest.slice(1) : undefined;
  if (!allowCidr) return body === undefined ? { cidr: rest } : { domain: body, cidr: '' };
  const source = body ?? rest;
  const slash = slashOutsideMacros(source);
  const head = slash < 0 ? source : source.slice(0, slash);
  const cidr = slash < 0 ? '' : source.slice(slash);
  return body === undefined ? { cidr: rest } : { domain: head, cidr };
}

function ipMechanism(kind: 'ip4' | 'ip6', qualifier: SpfQualifier, rest: string, term: string, errors: string[]): SpfMechanism | undefined {
  if (!rest.startsWith(':')) {
    errors.push(`"${term}" needs an address (${kind}:<address>)`);
    return undefined;
  }
  const body = rest.slice(1);
  const slash = body.indexOf('/');
  const addrText = slash < 0 ? body : body.slice(0, slash);
  const prefixText = slash < 0 ? undefined : body.slice(slash + 1);
  const max = kind === 'ip4' ? 32 : 128;
  const address = kind === 'ip4' ? normIPv4(addrText) : normIPv6(addrText);
  if (isBad(address)) {
    errors.push(`"${term}" has an invalid ${kind === 'ip4' ? 'IPv4' : 'IPv6'} address`);
    return undefined;
  }
  if (prefixText === undefined) return { kind, qualifier, address };
  if (!/^(?:0|[1-9]\d{0,2})$/.test(prefixText) || Number(prefixText) > max) {
    errors.push(`"${term}" has an invalid prefix length (0-${max})`);
    return undefined;
  }
  return { kind, qualifier, address, prefix: Number(prefixText) };
}

/** Parses an SPF policy. Call only for values where isSpfRecord() holds. */
export function parseSpf(value: string): SpfPolicy {
  const policy: SpfPolicy = { mechanisms: [], errors: [], deprecated: [] };
  const text = value.trim();
  if (!VERSION.test(text)) {
    policy.errors.push('the policy does not start with "v=spf1"');
    return policy;
  }
  const terms = text.slice('v=spf1'.length).split(' ').filter((t) => t !== '');
  let allCount = 0;
  const seenModifiers = new Set<string>();
  for (const term of terms) {
    const modifier = MODIFIER.exec(term);
    if (modifier) {
      const name = modifier[1]!.toLowerCase();
      const arg = modifier[2]!;
      if (name === 'redirect' || name === 'exp') {
        if (seenModifiers.has(name)) policy.errors.push(`the modifier "${name}" appears more than once`);
        seenModifiers.add(name);
        const d = domainSpec(arg, term, policy.errors);
        if (d) policy[name] = d;
      } else if (!MACRO_STRING.test(arg)) {
        policy.errors.push(`the modifier "${term}" has a malformed value`);
      }
      continue;
    }
    const hasQualifier = QUALIFIERS.has(term[0]!);
    const qualifier = (hasQualifier ? term[0] : '+') as SpfQualifier;
    const body = hasQualifier ? term.slice(1) : term;
    const nameMatch = /^[A-Za-z][A-Za-z0-9]*/.exec(body);
    const name = nameMatch ? nameMatch[0].toLowerCase() : '';
    const rest = body.slice(name.length);
    switch (name) {
      case 'all':
        if (rest !== '') policy.errors.push(`"${term}" takes no argument`);
        else {
          allCount++;
          if (allCount === 2) policy.errors.push('the policy has more than one "all" mechanism');
          policy.mechanisms.push({ kind: 'all', qualifier });
          policy.all ??= qualifier;
        }
        break;
      case 'include':
      case 'exists': {
        if (!rest.startsWith(':')) {
          policy.errors.push(`"${term}" needs a domain (${name}:<domain>)`);
          break;
        }
        const d = domainSpec(rest.slice(1), term, policy.errors);
        if (d) policy.mechanisms.push({ kind: name, qualifier, domain: d });
        break;
      }
      case 'a':
      case 'mx':
      case 'ptr': {
        if (rest !== '' && rest[0] !== ':' && rest[0] !== '/') {
          policy.errors.push(`"${term}" is not a known mechanism`);
          break;
        }
        const { domain, cidr } = splitDomainAndCidr(rest, name !== 'ptr');
        if (cidr !== '' && (name === 'ptr' || !dualCidrOk(cidr))) {
          policy.errors.push(`"${term}" has an invalid prefix length`);
          break;
        }
        if (name === 'ptr') policy.deprecated.push(term);
        if (domain === undefined) {
          policy.mechanisms.push({ kind: name, qualifier });
          break;
        }
        const d = domainSpec(domain, term, policy.errors);
        if (d) policy.mechanisms.push({ kind: name, qualifier, domain: d });
        break;
      }
      case 'ip4':
      case 'ip6': {
        const m = ipMechanism(name, qualifier, rest, term, policy.errors);
        if (m) policy.mechanisms.push(m);
        break;
      }
      default:
        policy.errors.push(`"${term}" is not a known mechanism`);
    }
  }
  return policy;
}

/** The first address of the range `address/prefix` (host bits cleared), canonical form. */
export function networkAddress(kind: 'ip4' | 'ip6', address: string, prefix: number): string {
  if (kind === 'ip4') {
    const n = address.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
    const size = 2 ** (32 - prefix);
    const start = Math.floor(n / size) * size;
    return [24, 16, 8, 0].map((s) => Math.floor(start / 2 ** s) % 256).join('.');
  }
  const [head, tail] = address.includes('::') ? address.split('::') : [address, undefined];
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups = tail === undefined ? headGroups : [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups];
  let n = groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
  const hostBits = BigInt(128 - prefix);
  n = (n >> hostBits) << hostBits;
  const out: string[] = [];
  for (let i = 7; i >= 0; i--) out.push(((n >> BigInt(i * 16)) & 0xffffn).toString(16));
  const canonical = normIPv6(out.join(':'));
  return isBad(canonical) ? address : canonical;
}
