/** The plugin settings form derived from a JSON-Schema subset: controls, starting values, payload. */
import { describe, expect, it } from 'vitest';
import { fieldOfError, fieldsOf, initialState, toPayload } from '../../../src-renderer/features/plugins/settings-form';

const schema = {
  type: 'object',
  required: ['mode'],
  properties: {
    mode: { type: 'string', enum: ['fast', 'slow'], title: 'Mode' },
    name: { type: 'string' },
    port: { type: 'integer', default: 53, minimum: 1 },
    on: { type: 'boolean', default: true },
    kinds: { type: 'array', items: { type: 'string', enum: ['A', 'AAAA', 'MX'] }, default: ['A'] },
    token: { type: 'string', secret: true },
  },
};

describe('settings form', () => {
  const fields = fieldsOf(schema);

  it('picks one control per property kind', () => {
    expect(fields.map((f) => [f.name, f.kind, f.required])).toEqual([
      ['mode', 'enum', true],
      ['name', 'text', false],
      ['port', 'integer', false],
      ['on', 'boolean', false],
      ['kinds', 'multi-enum', false],
      ['token', 'secret', false],
    ]);
    expect(fields[0]!.label).toBe('Mode');
    expect(fields[4]!.options).toEqual(['A', 'AAAA', 'MX']);
  });

  it('starts from stored settings, else defaults; a secret always starts empty', () => {
    const state = initialState(fields, { mode: 'slow', token: '••••1234' });
    expect(state.values).toEqual({ mode: 'slow', name: '', port: '53', on: true, kinds: ['A'], token: '' });
  });

  it('leaves empty optional fields out, sends a typed secret, null for a cleared one, keeps an untouched one', () => {
    const state = initialState(fields, { mode: 'fast' });
    expect(toPayload(fields, state).payload).toEqual({ mode: 'fast', port: 53, on: true, kinds: ['A'] });
    state.values.token = 'new';
    expect(toPayload(fields, state).payload.token).toBe('new');
    state.clear.token = true;
    expect(toPayload(fields, state).payload.token).toBeNull();
  });

  it('refuses a non-integer before asking the core', () => {
    const state = initialState(fields, {});
    state.values.port = '5.5';
    expect(toPayload(fields, state).errors).toEqual({ port: 'Enter a whole number.' });
  });

  it('maps an error path to its top-level field', () => {
    expect(fieldOfError({ field: 'kinds.2' })).toBe('kinds');
    expect(fieldOfError({})).toBeNull();
  });
});
