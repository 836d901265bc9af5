import { describe, expect, it } from 'vitest';
import { checkSchema, secretKeys, validate, withDefaults, type JsonSchema } from '../../../src-main/plugins/json-schema';

const schema: JsonSchema = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 2, maxLength: 5, pattern: '^[a-z]+$' },
    port: { type: 'integer', minimum: 1, maximum: 65535, default: 53 },
    ratio: { type: 'number', minimum: 0, maximum: 1 },
    mode: { type: 'string', enum: ['fast', 'slow'], default: 'fast' },
    on: { type: 'boolean' },
    types: { type: 'array', items: { type: 'string', enum: ['A', 'MX'] }, minItems: 1, maxItems: 2 },
    token: { type: 'string', secret: true },
  },
};

const fields = (v: unknown) => validate(schema, v).map((i) => i.field);

describe('plugins/json-schema validate', () => {
  it('accepts a conforming value', () => {
    expect(validate(schema, { name: 'abc', port: 80, ratio: 0.5, mode: 'slow', on: true, types: ['A'], token: 'x' })).toEqual([]);
  });
  it('names the field of each problem', () => {
    expect(fields({})).toEqual(['name']);
    expect(fields({ name: 'ABC' })).toEqual(['name']);
    expect(fields({ name: 'a' })).toEqual(['name']);
    expect(fields({ name: 'abcdef' })).toEqual(['name']);
    expect(fields({ name: 'abc', port: 0 })).toEqual(['port']);
    expect(fields({ name: 'abc', port: 70000 })).toEqual(['port']);
    expect(fields({ name: 'abc', port: 1.5 })).toEqual(['port']);
    expect(fields({ name: 'abc', ratio: 2 })).toEqual(['ratio']);
    expect(fields({ name: 'abc', mode: 'medium' })).toEqual(['mode']);
    expect(fields({ name: 'abc', on: 'yes' })).toEqual(['on']);
    expect(fields({ name: 'abc', types: ['A', 'TXT'] })).toEqual(['types.1']);
    expect(fields({ name: 'abc', types: [] })).toEqual(['types']);
    expect(fields({ name: 'abc', types: ['A', 'MX', 'A'] })).toEqual(['types']);
    expect(fields({ name: 'abc', other: 1 })).toEqual(['other']);
    expect(fields([])).toEqual(['']);
  });
  it('integers count as numbers, not the other way round', () => {
    expect(validate({ type: 'number' }, 3)).toEqual([]);
    expect(validate({ type: 'integer' }, 3.1)[0]!.message).toMatch(/integer/);
  });
  it('explains enum and type errors', () => {
    expect(validate(schema, { name: 'abc', mode: 'x' })[0]!.message).toBe('must be one of "fast", "slow"');
    expect(validate(schema, { name: 5 })[0]!.message).toBe('must be a string, not integer');
  });
  it('never echoes a secret in a pattern message', () => {
    const s: JsonSchema = { type: 'string', secret: true, pattern: '^k_' };
    expect(validate(s, 'hunter2')[0]!.message).toBe('has the wrong format');
  });
});

describe('plugins/json-schema defaults and secrets', () => {
  it('fills in defaults without touching given values', () => {
    expect(withDefaults(schema, { name: 'abc', port: 8053 })).toEqual({ name: 'abc', port: 8053, mode: 'fast' });
    const arr: JsonSchema = { type: 'object', properties: { l: { type: 'array', default: ['A'] } } };
    const a = withDefaults(arr, {}) as { l: string[] };
    a.l.push('B');
    expect(withDefaults(arr, {})).toEqual({ l: ['A'] });
  });
  it('lists secret properties', () => {
    expect(secretKeys(schema)).toEqual(['token']);
    expect(secretKeys(undefined)).toEqual([]);
  });
});

describe('plugins/json-schema checkSchema', () => {
  it('finds inconsistencies zod cannot see', () => {
    const bad: JsonSchema = {
      type: 'object',
      required: ['missing'],
      properties: {
        p: { type: 'string', pattern: '([' },
        n: { type: 'integer', secret: true },
        d: { type: 'integer', minimum: 5, default: 1 },
      },
    };
    expect(checkSchema(bad).map((i) => i.field)).toEqual(['required', 'properties.p.pattern', 'properties.n.secret', 'properties.d.default']);
    expect(checkSchema(schema)).toEqual([]);
  });
});
