import { z } from 'zod';

/**
 * The JSON Schema subset plugin settings use: type, properties, required, enum, minimum/maximum,
 * minLength/maxLength, pattern, items, default, additionalProperties, plus `secret: true` on a
 * string property (stored encrypted, write-only). Pure: no I/O.
 */
export type JsonSchemaType = 'object' | 'string' | 'integer' | 'number' | 'boolean' | 'array';

export interface JsonSchema {
  type: JsonSchemaType;
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  enum?: (string | number | boolean)[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  secret?: boolean;
}

export interface SchemaIssue {
  /** dotted path of the offending value, e.g. "record_types.2" ('' = the whole object) */
  field: string;
  message: string;
}

const PROPERTY_NAME = /^[a-z][a-z0-9_]*$/;

/** Zod schema for a settings schema node: what a manifest may write. */
export const JsonSchemaNode: z.ZodType<JsonSchema> = z.lazy(() =>
  z
    .object({
      type: z.enum(['object', 'string', 'integer', 'number', 'boolean', 'array']),
      title: z.string().max(200).optional(),
      description: z.string().max(2000).optional(),
      properties: z.record(z.string().regex(PROPERTY_NAME, 'lowercase snake_case property names'), JsonSchemaNode).optional(),
      required: z.array(z.string()).optional(),
      additionalProperties: z.boolean().optional(),
      enum: z.array(z.union([z.string(), z.number(), z.boolean()])).min(1).optional(),
      minimum: z.number().optional(),
      maximum: z.number().optional(),
      minLength: z.number().int().min(0).optional(),
      maxLength: z.number().int().min(0).optional(),
      pattern: z.string().max(500).optional(),
      items: JsonSchemaNode.optional(),
      minItems: z.number().int().min(0).optional(),
      maxItems: z.number().int().min(0).optional(),
      default: z.unknown().optional(),
      secret: z.boolean().optional(),
    })
    .strict(),
);

/** Structural checks zod cannot express: patterns compile, required names exist, defaults conform. */
export function checkSchema(schema: JsonSchema, path = ''): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const at = (p: string) => (path ? `${path}.${p}` : p);
  if (schema.pattern !== undefined) {
    try {
      new RegExp(schema.pattern, 'u');
    } catch {
      issues.push({ field: at('pattern'), message: `is not a valid regular expression` });
    }
  }
  if (schema.secret && schema.type !== 'string') issues.push({ field: at('secret'), message: 'only string properties can be secret' });
  for (const r of schema.required ?? []) {
    if (!schema.properties?.[r]) issues.push({ field: at('required'), message: `names "${r}", which is not among the properties` });
  }
  for (const [k, sub] of Object.entries(schema.properties ?? {})) issues.push(...checkSchema(sub, at(`properties.${k}`)));
  if (schema.items) issues.push(...checkSchema(schema.items, at('items')));
  if (schema.default !== undefined && issues.length === 0) {
    for (const i of validate(schema, schema.default)) issues.push({ field: at('default'), message: `does not match its own schema: ${i.message}` });
  }
  return issues;
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function matchesType(t: JsonSchemaType, v: unknown): boolean {
  const actual = typeOf(v);
  if (t === 'number') return actual === 'number' || actual === 'integer';
  return actual === t;
}

/** Validates a value; returns every issue with the path of the offending value. */
export function validate(schema: JsonSchema, value: unknown, path = ''): SchemaIssue[] {
  const here = (message: string): SchemaIssue[] => [{ field: path, message }];
  if (!matchesType(schema.type, value)) return here(`must be ${article(schema.type)}, not ${typeOf(value)}`);
  if (schema.enum && !schema.enum.some((e) => e === value)) {
    return here(`must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}`);
  }
  const out: SchemaIssue[] = [];
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) out.push(...here(`must be at least ${schema.minimum}`));
    if (schema.maximum !== undefined && value > schema.maximum) out.push(...here(`must be at most ${schema.maximum}`));
  }
  if (typeof value === 'string') {
    const len = [...value].length;
    if (schema.minLength !== undefined && len < schema.minLength) out.push(...here(`must be at least ${schema.minLength} characters`));
    if (schema.maxLength !== undefined && len > schema.maxLength) out.push(...here(`must be at most ${schema.maxLength} characters`));
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) {
      out.push(...here(schema.secret ? 'has the wrong format' : `does not match the pattern ${schema.pattern}`));
    }
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) out.push(...here(`needs at least ${schema.minItems} items`));
    if (schema.maxItems !== undefined && value.length > schema.maxItems) out.push(...here(`allows at most ${schema.maxItems} items`));
    if (schema.items) value.forEach((item, i) => out.push(...validate(schema.items!, item, join(path, String(i)))));
  }
  if (schema.type === 'object' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    const props = schema.properties ?? {};
    for (const r of schema.required ?? []) {
      if (obj[r] === undefined) out.push({ field: join(path, r), message: 'is required' });
    }
    for (const [k, v] of Object.entries(obj)) {
      const sub = props[k];
      if (sub) out.push(...validate(sub, v, join(path, k)));
      else if (schema.additionalProperties === false) out.push({ field: join(path, k), message: 'is not a known setting' });
    }
  }
  return out;
}

/** The value with the schema's defaults filled in where a property is absent (objects, recursively). */
export function withDefaults(schema: JsonSchema, value: unknown): unknown {
  if (value === undefined) return schema.default === undefined ? undefined : structuredClone(schema.default);
  if (schema.type !== 'object' || typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const [k, sub] of Object.entries(schema.properties ?? {})) {
    const v = withDefaults(sub, out[k]);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/** Names of the top-level properties marked secret. */
export function secretKeys(schema: JsonSchema | undefined): string[] {
  return Object.entries(schema?.properties ?? {})
    .filter(([, s]) => s.secret === true)
    .map(([k]) => k);
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function article(t: string): string {
  return /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
}
