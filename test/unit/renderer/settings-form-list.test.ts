/** List fields (arrays of numbers or strings typed as "22, 80") and the bit-config payload without defaults. */
import { describe, expect, it } from 'vitest';
import { fieldsOf, initialState, toPayload, withoutDefaults } from '../../../src-renderer/features/plugins/settings-form';

const schema = {
  type: 'object',
  properties: {
    ports: { type: 'array', title: 'Ports', items: { type: 'integer', minimum: 0, maximum: 65535 }, default: [22, 80] },
    hosts: { type: 'array', items: { type: 'string' } },
    kinds: { type: 'array', items: { type: 'string', enum: ['A', 'MX'] } },
    nested: { type: 'array', items: { type: 'object' } },
    on: { type: 'boolean', default: false },
  },
};

describe('settings form: list fields', () => {
  const fields = fieldsOf(schema);
  const byName = (n: string) => fields.find((f) => f.name === n)!;

  it('arrays of numbers or strings without options are lists; with options multi-enum; others JSON', () => {
    expect(fields.map((f) => [f.name, f.kind])).toEqual([
      ['ports', 'list'],
      ['hosts', 'list'],
      ['kinds', 'multi-enum'],
      ['nested', 'json'],
      ['on', 'boolean'],
    ]);
    expect(byName('ports')).toMatchObject({ itemType: 'integer', min: 0, max: 65535 });
    expect(byName('hosts').itemType).toBe('string');
  });

  it('starts from the values joined with commas and sends them back as a list', () => {
    const s = initialState(fields, { hosts: ['a.example', 'b.example'] });
    expect(s.values.ports).toBe('22, 80');
    expect(s.values.hosts).toBe('a.example, b.example');
    const { payload, errors } = toPayload(fields, { ...s, values: { ...s.values, ports: ' 5432,8080  3306 ' } });
    expect(errors).toEqual({});
    expect(payload.ports).toEqual([5432, 8080, 3306]);
    expect(payload.hosts).toEqual(['a.example', 'b.example']);
  });

  it('an emptied list is an empty list, not the default', () => {
    const s = initialState(fields, {});
    expect(toPayload(fields, { ...s, values: { ...s.values, ports: '  ' } }).payload.ports).toEqual([]);
  });

  it('names the bad item: not a whole number, out of range', () => {
    const s = initialState(fields, {});
    expect(toPayload(fields, { ...s, values: { ...s.values, ports: '22, 8.5' } }).errors.ports).toMatch(/"8.5" is not a whole number/);
    expect(toPayload(fields, { ...s, values: { ...s.values, ports: '22, ssh' } }).errors.ports).toMatch(/"ssh"/);
    expect(toPayload(fields, { ...s, values: { ...s.values, ports: '22, 70000' } }).errors.ports).toBe('70000 is out of range (0 to 65535).');
  });

  it('withoutDefaults drops the values that equal the defaults', () => {
    const defaults = { ports: [22, 80], on: false, deep: { a: 1, b: [2] } };
    expect(withoutDefaults({ ports: [22, 80], on: true, hosts: [], deep: { b: [2], a: 1 } }, defaults)).toEqual({ on: true, hosts: [] });
    expect(withoutDefaults({ ports: [80, 22] }, defaults)).toEqual({ ports: [80, 22] });
  });
});
