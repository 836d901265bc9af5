/**
 * OpenKAT's path language, parsed and checked against the type registry.
 *
 *   path  := Type ('.' step)+
 *   step  := field ('[is' Type ']')?        outgoing reference (optionally restricting the target type)
 *          | '<' field ('[is' Type ']')?    incoming reference: objects whose `field` points here
 *          | field                          LAST step only: a plain attribute; results are its values
 *
 * An incoming step needs `[is Type]` unless exactly one concrete type has a reference `field` that
 * can point at the current objects (so `Hostname.<hostname` is ambiguous, `IPPort.<ip_port` is not).
 * Errors are AppError('INVALID_QUERY') with details { column (1-based), expected }.
 */
import { AppError } from '../../common/errors.js';
import { allTypes, concreteSubtypes, hasType } from '../model/index.js';
import { typeInfo } from '../model/registry.js';

export type PathStep =
  | { kind: 'out'; attr: string; types: string[] }
  | { kind: 'in'; attr: string; types: string[] }
  | { kind: 'attr'; attr: string; owners: string[] };

export interface CompiledPath {
  /** concrete types a source must have */
  start: string[];
  steps: PathStep[];
  /** 'object': results are primary keys; 'value': attribute values as strings */
  result: 'object' | 'value';
  /** a readable description of each step */
  display: string[];
}

interface RawStep {
  incoming: boolean;
  field: string;
  column: number;
  isType?: string;
  isColumn?: number;
}

const IDENT = /[A-Za-z_][A-Za-z0-9_]*/y;

function fail(message: string, column: number, expected: string): never {
  throw new AppError('INVALID_QUERY', message, { column, expected });
}

class Scanner {
  pos = 0;
  constructor(readonly text: string) {}
  get column(): number {
    return this.pos + 1;
  }
  peek(): string {
    return this.text[this.pos] ?? '';
  }
  spaces(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.pos++;
  }
  ident(expected: string): string {
    IDENT.lastIndex = this.pos;
    const m = IDENT.exec(this.text);
    if (!m) {
      const found = this.pos >= this.text.length ? 'the end' : `'${this.peek()}'`;
      fail(`Expected ${expected} at column ${this.column}, found ${found}.`, this.column, expected);
    }
    this.pos += m[0].length;
    return m[0];
  }
  expect(s: string, expected = `'${s}'`): void {
    if (!this.text.startsWith(s, this.pos)) {
      const found = this.pos >= this.text.length ? 'the end' : `'${this.peek()}'`;
      fail(`Expected ${expected} at column ${this.column}, found ${found}.`, this.column, expected);
    }
    this.pos += s.length;
  }
}

function parseSyntax(text: string): { type: string; steps: RawStep[] } {
  const s = new Scanner(text);
  const type = s.ident('a type name');
  const steps: RawStep[] = [];
  while (s.pos < text.length) {
    s.expect('.', "'.'");
    const column = s.column;
    const incoming = s.peek() === '<';
    if (incoming) s.pos++;
    const field = s.ident('a field name');
    const step: RawStep = { incoming, field, column };
    if (s.peek() === '[') {
      s.pos++;
      s.spaces();
      s.expect('is', "'is'");
      if (s.peek() !== ' ' && s.peek() !== '\t') fail(`Expected a space after 'is' at column ${s.column}.`, s.column, "' '");
      s.spaces();
      step.isColumn = s.column;
      step.isType = s.ident('a type name');
      s.spaces();
      s.expect(']', "']'");
    }
    steps.push(step);
  }
  if (steps.length === 0) fail(`A path needs at least one step after the type, such as '${type}.<field>'.`, text.length + 1, "'.'");
  return { type, steps };
}

function requireType(name: string, column: number): string[] {
  if (!hasType(name)) fail(`Unknown type '${name}' at column ${column}.`, column, 'a type name');
  return [...concreteSubtypes(name)];
}

function describeSet(types: readonly string[]): string {
  return types.length <= 3 ? types.join(' | ') : `${types.slice(0, 3).join(' | ')} | … (${types.length} types)`;
}

/** Parses and checks a path; throws AppError('INVALID_QUERY'). */
export function parsePath(text: string): CompiledPath {
  const { type, steps: raw } = parseSyntax(text);
  let current = requireType(type, 1);
  const start = current;
  const steps: PathStep[] = [];
  const display = [type];
  raw.forEach((st, i) => {
    const last = i === raw.length - 1;
    const restrict = st.isType === undefined ? undefined : requireType(st.isType, st.isColumn!);
    const fieldColumn = st.column + (st.incoming ? 1 : 0);
    if (!st.incoming) {
      const owners = current.filter((t) => typeInfo(t)?.fields.has(st.field));
      if (owners.length === 0) {
        const names = new Set(current.flatMap((t) => [...(typeInfo(t)?.fields.keys() ?? [])]));
        fail(`${describeSet(current)} has no field '${st.field}' (column ${fieldColumn}).`, fieldColumn, [...names].join(', '));
      }
      const refOwners = owners.filter((t) => typeInfo(t)?.fields.get(st.field)?.kind === 'reference');
      if (refOwners.length === 0) {
        if (!last || restrict) {
          const refs = new Set(current.flatMap((t) => (typeInfo(t)?.refFields ?? []).map((f) => f.name)));
          fail(
            `'${st.field}' is a plain attribute, not a reference; only the last step may be a plain attribute (column ${fieldColumn}).`,
            fieldColumn,
            [...refs].join(', ') || 'a reference field',
          );
        }
        steps.push({ kind: 'attr', attr: st.field, owners });
        display.push(`${st.field} (attribute)`);
        return;
      }
      let targets = [...new Set(refOwners.flatMap((t) => [...(typeInfo(t)?.allowedTargets.get(st.field) ?? [])]))];
      if (restrict) {
        const allowed = targets;
        targets = targets.filter((t) => restrict.includes(t));
        if (targets.length === 0) {
          fail(
            `'${st.field}' never points at a ${st.isType}; it references ${describeSet(allowed)} (column ${st.isColumn}).`,
            st.isColumn!,
            describeSet(allowed),
          );
        }
      }
      steps.push({ kind: 'out', attr: st.field, types: targets });
      display.push(`${st.field}${st.isType ? `[is ${st.isType}]` : ''} -> ${describeSet(targets)}`);
      current = targets;
      return;
    }
    // incoming: concrete types with a reference `field` that may point at one of the current types
    const candidates = allTypes()
      .filter((t) => !t.abstract)
      .map((t) => t.name)
      .filter((t) => {
        const targets = typeInfo(t)?.allowedTargets.get(st.field);
        return targets !== undefined && current.some((c) => targets.has(c));
      });
    if (candidates.length === 0) {
      fail(`No type has a reference '${st.field}' to ${describeSet(current)} (column ${fieldColumn}).`, fieldColumn, 'a reference field of a referring type');
    }
    let sources = candidates;
    if (restrict) {
      sources = candidates.filter((t) => restrict.includes(t));
      if (sources.length === 0) {
        fail(
          `${st.isType} has no reference '${st.field}' to ${describeSet(current)} (column ${st.isColumn}).`,
          st.isColumn!,
          describeSet(candidates),
        );
      }
    } else if (candidates.length > 1) {
      const col = fieldColumn + st.field.length;
      fail(
        `'<${st.field}' is ambiguous: ${candidates.length} types reference ${describeSet(current)} through '${st.field}'; add [is Type] (column ${col}).`,
        col,
        `[is ${candidates.join(' | ')}]`,
      );
    }
    steps.push({ kind: 'in', attr: st.field, types: sources });
    display.push(`<${st.field}[is ${st.isType ?? sources[0]}] -> ${describeSet(sources)}`);
    current = sources;
  });
  const result = steps[steps.length - 1]!.kind === 'attr' ? 'value' : 'object';
  return { start, steps, result, display };
}
