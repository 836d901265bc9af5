/**
 * Parsing primary keys back into their parts.
 *
 * A key is split by position: each key attribute takes one token, and a reference attribute takes as
 * many tokens as its target's own key needs, recursively. A 'full' part starts with the target's
 * type, which picks the key layout. For an abstract target every concrete subtype is tried in
 * registry order and the first whose values validate wins (an address picks IPAddressV4 or V6 by
 * its format); references to the root `OOI` in natural form are resolved the same way, backtracking
 * over how many tokens each candidate takes.
 */
import { AppError } from '../../common/errors.js';
import { normKeyToken } from './fields.js';
import { typeInfo, type KeyStep, type TypeInfo } from './registry.js';
import { Bad, isBad } from './values.js';

/** Key attributes by name; a reference attribute is the referenced object's own tokenized key. */
export interface Tokenized {
  readonly [attr: string]: string | Tokenized;
}

export class Reference {
  private constructor(
    /** the object type */
    readonly type: string,
    /** the canonical primary key (values normalised: `Hostname|internet|EXAMPLE.org` -> lowercase) */
    readonly pk: string,
    /** the key without the type */
    readonly naturalKey: string,
    readonly tokenized: Tokenized,
    /** the referenced objects of reference key attributes, parsed */
    readonly refs: Readonly<Record<string, Reference>>,
    /** typed key attribute values: numbers as numbers, references as full primary keys, absent omitted */
    readonly keyValues: Readonly<Record<string, unknown>>,
  ) {}

  /** Parses a primary key; throws AppError('INVALID_REFERENCE') naming what is wrong. */
  static from(pk: string): Reference {
    const r = parseReference(pk);
    if (isBad(r)) throw new AppError('INVALID_REFERENCE', r.message, { reference: pk, reason: r.reason });
    return r;
  }

  /** Parses a primary key without throwing. */
  static tryFrom(pk: string): Reference | undefined {
    const r = parseReference(pk);
    return isBad(r) ? undefined : r;
  }

  toString(): string {
    return this.pk;
  }

  /** @internal used by the parser only */
  static assemble(info: TypeInfo, parts: readonly Part[]): Reference {
    const tokenized: Record<string, string | Tokenized> = {};
    const refs: Record<string, Reference> = {};
    const values: Record<string, unknown> = {};
    let natural = '';
    const plan = info.keyPlan;
    for (let i = 0; i < plan.length; i++) {
      const step = plan[i]!;
      const part = parts[i]!;
      const name = step.field.name;
      let token: string;
      if (part.ref !== undefined) {
        tokenized[name] = part.ref.tokenized;
        refs[name] = part.ref;
        values[name] = part.ref.pk;
        token = step.mode === 'full' ? part.ref.pk : part.ref.naturalKey;
      } else {
        tokenized[name] = part.token;
        if (part.value !== null) values[name] = part.value;
        token = part.token;
      }
      natural = i === 0 ? token : natural + '|' + token;
    }
    const type = info.def.name;
    return new Reference(type, type + '|' + natural, natural, tokenized, refs, values);
  }
}

interface Part {
  token: string;
  value: unknown;
  ref?: Reference;
}

/** The deepest failure seen while parsing one key, reported when nothing fits. */
interface Failure {
  pos: number;
  reason: string;
  message: string;
}

function note(f: Failure, pos: number, reason: string, message: string): void {
  if (pos >= f.pos) {
    f.pos = pos;
    f.reason = reason;
    f.message = message;
  }
}

function* parseType(info: TypeInfo, tokens: readonly string[], pos: number, f: Failure): Generator<[Reference, number]> {
  const parts: Part[] = new Array<Part>(info.keyPlan.length);
  yield* parseSteps(info, 0, tokens, pos, parts, f);
}

function* parseSteps(
  info: TypeInfo,
  i: number,
  tokens: readonly string[],
  pos: number,
  parts: Part[],
  f: Failure,
): Generator<[Reference, number]> {
  const plan = info.keyPlan;
  if (i === plan.length) {
    yield [Reference.assemble(info, parts), pos];
    return;
  }
  const step = plan[i]!;
  const where = `${info.def.name}.${step.field.name}`;
  if (pos >= tokens.length) {
    note(f, pos, 'too-short', `the key ends before ${where}`);
    return;
  }
  if (step.field.kind !== 'reference') {
    const token = tokens[pos]!;
    const v = normKeyToken(info, step.field, token, step.mode === 'sha1');
    if (isBad(v)) {
      note(f, pos, v.reason, `${where} (token ${pos} '${token}'): ${v.message}`);
      return;
    }
    parts[i] = { token: v === null ? '' : String(v), value: v };
    yield* parseSteps(info, i + 1, tokens, pos + 1, parts, f);
    return;
  }
  for (const [child, end] of parseTarget(info, step, tokens, pos, f)) {
    parts[i] = { token: '', value: null, ref: child };
    yield* parseSteps(info, i + 1, tokens, end, parts, f);
  }
}

function* parseTarget(
  info: TypeInfo,
  step: KeyStep,
  tokens: readonly string[],
  pos: number,
  f: Failure,
): Generator<[Reference, number]> {
  const allowed = info.allowedTargets.get(step.field.name);
  if (step.mode === 'full') {
    const typeName = tokens[pos]!;
    const target = typeInfo(typeName);
    if (target === undefined || target.def.abstract || !allowed?.has(typeName)) {
      const why = target === undefined ? 'unknown type' : target.def.abstract ? 'abstract type' : 'type not allowed here';
      note(f, pos, 'bad-type', `${info.def.name}.${step.field.name} (token ${pos} '${typeName}'): ${why}`);
      return;
    }
    yield* parseType(target, tokens, pos + 1, f);
    return;
  }
  let fitted = false;
  for (const name of allowed ?? []) {
    const target = typeInfo(name);
    if (target === undefined) continue;
    for (const found of parseType(target, tokens, pos, f)) {
      fitted = true;
      yield found;
    }
  }
  if (!fitted && (allowed?.size ?? 0) > 1 && f.pos >= pos) {
    const targets = (step.field.refTypes ?? []).join(' or ');
    f.message = `${info.def.name}.${step.field.name} fits no ${targets} type; last tried ${f.message}`;
  }
}

/**
 * The greedy parse: every step takes its first fitting alternative. It finds the same answer as the
 * first one `parseType` yields whenever that answer needs no backtracking, which is all keys except
 * some natural references to the root `OOI`; it is much cheaper than the generators.
 */
function parseGreedy(info: TypeInfo, tokens: readonly string[], start: number, f: Failure): [Reference, number] | undefined {
  const plan = info.keyPlan;
  const parts: Part[] = new Array<Part>(plan.length);
  let pos = start;
  for (let i = 0; i < plan.length; i++) {
    const step = plan[i]!;
    if (pos >= tokens.length) {
      note(f, pos, 'too-short', `the key ends before ${info.def.name}.${step.field.name}`);
      return undefined;
    }
    if (step.field.kind !== 'reference') {
      const token = tokens[pos]!;
      const v = normKeyToken(info, step.field, token, step.mode === 'sha1');
      if (isBad(v)) {
        note(f, pos, v.reason, `${info.def.name}.${step.field.name} (token ${pos} '${token}'): ${v.message}`);
        return undefined;
      }
      parts[i] = { token: v === null ? '' : String(v), value: v };
      pos++;
      continue;
    }
    let found: [Reference, number] | undefined;
    const allowed = info.allowedTargets.get(step.field.name);
    if (step.mode === 'full') {
      const target = typeInfo(tokens[pos]!);
      if (target === undefined || target.def.abstract || !allowed?.has(target.def.name)) return undefined;
      found = parseGreedy(target, tokens, pos + 1, f);
    } else {
      for (const name of allowed ?? []) {
        const target = typeInfo(name);
        found = target && parseGreedy(target, tokens, pos, f);
        if (found) break;
      }
    }
    if (found === undefined) return undefined;
    parts[i] = { token: '', value: null, ref: found[0] };
    pos = found[1];
  }
  return [Reference.assemble(info, parts), pos];
}

function parseWith(
  info: TypeInfo,
  tokens: readonly string[],
  start: number,
  f: Failure,
): Reference | undefined {
  const quick = parseGreedy(info, tokens, start, f);
  if (quick !== undefined && quick[1] === tokens.length) return quick[0];
  // backtrack (references to any object), which also produces the best error message
  f.pos = -1;
  for (const [r, end] of parseType(info, tokens, start, f)) {
    if (end === tokens.length) return r;
    note(f, end, 'too-long', `unexpected extra tokens from position ${end} ('${tokens[end] ?? ''}')`);
  }
  return undefined;
}

/**
 * Parses a primary key; a `Bad` explains the failure. Deliberately not memoised: parsing costs well
 * under a microsecond, while a cache of young objects made the garbage collector the bottleneck.
 */
export function parseReference(pk: string): Reference | Bad {
  return parseUncached(pk);
}

function parseUncached(pk: string): Reference | Bad {
  if (typeof pk !== 'string' || pk === '') return new Bad('empty', 'A reference must be a non-empty string.');
  const tokens = pk.split('|');
  const typeName = tokens[0]!;
  const info = typeInfo(typeName);
  if (info === undefined) return new Bad('unknown-type', `'${pk}': unknown object type '${typeName}'.`);
  if (info.def.abstract) {
    return new Bad('abstract-type', `'${pk}': '${typeName}' is abstract; a reference names a concrete type.`);
  }
  if (tokens.length === 1) return new Bad('too-short', `'${pk}': a primary key needs '<Type>|<key>'.`);
  const f: Failure = { pos: -1, reason: 'invalid', message: '' };
  const r = parseWith(info, tokens, 1, f);
  return r ?? new Bad(f.reason, `'${pk}' is not a valid ${typeName} key: ${f.message}.`);
}

/**
 * The full primary key of the object whose natural key tokens are `tokens`, given the types a
 * reference may point at: the first concrete type (registry order) whose key accepts all tokens.
 * With `mode` 'full' the first token is the type. Undefined when no type fits.
 */
export function referencedPkFromTokens(
  targetTypes: readonly string[],
  tokens: readonly string[],
  mode: 'natural' | 'full' = 'natural',
): string | undefined {
  const f: Failure = { pos: -1, reason: '', message: '' };
  if (mode === 'full') {
    const name = tokens[0];
    const info = name === undefined ? undefined : typeInfo(name);
    if (!info || info.def.abstract || !targetTypes.some((t) => info.ancestors.has(t))) return undefined;
    return parseWith(info, tokens, 1, f)?.pk;
  }
  for (const t of targetTypes) {
    for (const name of typeInfo(t)?.concrete ?? []) {
      const info = typeInfo(name);
      const r = info && parseWith(info, tokens, 0, f);
      if (r) return r.pk;
    }
  }
  return undefined;
}
