/**
 * The `plugins` filter of a schedule, evaluated in memory over each plugin's attributes, e.g.
 * `kind = 'boefje' and scan_level <= 2 and id not in ('nmap')` or `consumes has 'Hostname'`.
 * A blank filter selects every plugin.
 */
import { checkFilter, type Attribute, type AttributeSet, type Test } from './check.js';
import { compileLike } from './like.js';
import { parseFilter } from './parser.js';

/** The attributes a plugin filter can test. `scan_level` is null for normalizers. */
export interface PluginAttributes {
  id: string;
  name: string;
  kind: 'boefje' | 'normalizer' | 'bit';
  version: string | null;
  scan_level: number | null;
  consumes: readonly string[];
  produces: readonly string[];
  enabled: boolean;
}

export type PluginPredicate = (plugin: PluginAttributes) => boolean;

type Getter = (p: PluginAttributes) => unknown;

const ATTRIBUTES: readonly Attribute<Getter>[] = [
  { name: 'id', kind: 'text', ref: (p) => p.id },
  { name: 'name', kind: 'text', ref: (p) => p.name },
  { name: 'kind', kind: 'text', values: ['boefje', 'normalizer'], ref: (p) => p.kind },
  { name: 'version', kind: 'text', ref: (p) => p.version },
  { name: 'scan_level', kind: 'number', ref: (p) => p.scan_level },
  { name: 'consumes', kind: 'list', ref: (p) => p.consumes },
  { name: 'produces', kind: 'list', ref: (p) => p.produces },
  { name: 'enabled', kind: 'boolean', ref: (p) => p.enabled },
];
const BY_NAME = new Map(ATTRIBUTES.map((a) => [a.name, a]));

export const PLUGIN_ATTRIBUTES: AttributeSet<Getter> = {
  label: 'plugins',
  get: (name) => BY_NAME.get(name),
  names: () => ATTRIBUTES.map((a) => a.name),
};

/** Attribute names a plugin filter may use, in display order. */
export const PLUGIN_ATTRIBUTE_NAMES: readonly string[] = PLUGIN_ATTRIBUTES.names();

/** The filter's view of a catalogue entry (PluginSummary from the API contract has this shape). */
export function pluginAttributesOf(p: {
  id: string;
  name: string;
  kind: 'boefje' | 'normalizer' | 'bit';
  version: string | null;
  scanLevel: number | null;
  consumes: readonly string[];
  produces: readonly string[];
  enabled: boolean;
}): PluginAttributes {
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    version: p.version,
    scan_level: p.scanLevel,
    consumes: p.consumes,
    produces: p.produces,
    enabled: p.enabled,
  };
}

const ORDER = {
  '<': (a: number, b: number) => a < b,
  '<=': (a: number, b: number) => a <= b,
  '>': (a: number, b: number) => a > b,
  '>=': (a: number, b: number) => a >= b,
} as const;

function present(v: unknown): boolean {
  return v !== null && v !== undefined;
}

function predicate(t: Test<Getter>): PluginPredicate {
  switch (t.kind) {
    case 'and': {
      const items = t.items.map(predicate);
      return (p) => items.every((f) => f(p));
    }
    case 'or': {
      const items = t.items.map(predicate);
      return (p) => items.some((f) => f(p));
    }
    case 'not': {
      const item = predicate(t.item);
      return (p) => !item(p);
    }
    case 'eq': {
      const { ref: get } = t.attr;
      const value = t.value;
      return t.negated ? (p) => get(p) !== value : (p) => get(p) === value;
    }
    case 'null': {
      const { ref: get } = t.attr;
      return t.negated ? (p) => present(get(p)) : (p) => !present(get(p));
    }
    case 'order': {
      const { ref: get } = t.attr;
      const cmp = ORDER[t.op];
      const value = t.value as number;
      return (p) => {
        const v = get(p);
        return typeof v === 'number' && cmp(v, value);
      };
    }
    case 'in': {
      const { ref: get } = t.attr;
      const set = new Set<unknown>(t.values);
      return t.negated ? (p) => !set.has(get(p)) : (p) => set.has(get(p));
    }
    case 'has': {
      const { ref: get } = t.attr;
      const value = t.value;
      const has = (p: PluginAttributes) => {
        const v = get(p);
        return Array.isArray(v) && v.includes(value);
      };
      return t.negated ? (p) => !has(p) : has;
    }
    case 'like': {
      const { ref: get } = t.attr;
      const match = compileLike(t.pattern);
      const like = (p: PluginAttributes) => {
        const v = get(p);
        return typeof v === 'string' && match(v);
      };
      return t.negated ? (p) => !like(p) : like;
    }
  }
}

/** Parses and checks a plugin filter into a predicate; throws AppError('INVALID_QUERY'). */
export function compilePluginFilter(text: string): PluginPredicate {
  const expr = parseFilter(text);
  if (expr === null) return () => true;
  return predicate(checkFilter(expr, PLUGIN_ATTRIBUTES));
}

/** The plugins a filter selects, in their given order. */
export function filterPlugins<P extends PluginAttributes>(text: string, plugins: readonly P[]): P[] {
  const match = compilePluginFilter(text);
  return plugins.filter(match);
}
