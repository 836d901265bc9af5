import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-main/common/errors';
import { parsePath } from '../../../src-main/graph/query/path-parser';

function errorOf(path: string): { message: string; column: unknown; expected: unknown } {
  try {
    parsePath(path);
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'INVALID_QUERY') throw e;
    return { message: e.message, column: e.details?.column, expected: e.details?.expected };
  }
  throw new Error(`'${path}' parsed`);
}

describe('parsePath', () => {
  it('compiles outgoing, incoming and attribute steps', () => {
    expect(parsePath('Hostname.<hostname[is DNSARecord].address')).toEqual({
      start: ['Hostname'],
      steps: [
        { kind: 'in', attr: 'hostname', types: ['DNSARecord'] },
        { kind: 'out', attr: 'address', types: ['IPAddressV4'] },
      ],
      result: 'object',
      display: ['Hostname', '<hostname[is DNSARecord] -> DNSARecord', 'address -> IPAddressV4'],
    });
    expect(parsePath('IPPort.port')).toMatchObject({ steps: [{ kind: 'attr', attr: 'port', owners: ['IPPort'] }], result: 'value' });
    expect(parsePath('IPAddress.<address[is IPPort]')).toMatchObject({
      start: ['IPAddressV4', 'IPAddressV6'],
      steps: [{ kind: 'in', attr: 'address', types: ['IPPort'] }],
    });
    expect(parsePath('Finding.ooi[is Hostname].name').steps).toEqual([
      { kind: 'out', attr: 'ooi', types: ['Hostname'] },
      { kind: 'attr', attr: 'name', owners: ['Hostname'] },
    ]);
    expect(parsePath('Hostname.<hostname[ is  DNSRecord ]').steps[0]).toMatchObject({ kind: 'in', attr: 'hostname' });
  });

  it('allows an incoming step without [is] only when one type fits', () => {
    expect(parsePath('IPPort.<ip_port').steps).toEqual([{ kind: 'in', attr: 'ip_port', types: ['IPService'] }]);
    expect(errorOf('Hostname.<hostname')).toMatchObject({ column: 19 });
    expect(String(errorOf('Hostname.<hostname').expected)).toMatch(/^\[is DNSZone \| .*DNSARecord/);
  });

  it('points at the column of syntax errors', () => {
    expect(errorOf('')).toMatchObject({ column: 1, expected: 'a type name' });
    expect(errorOf('Hostname')).toMatchObject({ column: 9, expected: "'.'" });
    expect(errorOf('Hostname.')).toMatchObject({ column: 10, expected: 'a field name' });
    expect(errorOf('Hostname..name')).toMatchObject({ column: 10, expected: 'a field name' });
    expect(errorOf('Hostname.<hostname[as DNSARecord]')).toMatchObject({ column: 20, expected: "'is'" });
    expect(errorOf('Hostname.<hostname[isDNSARecord]')).toMatchObject({ column: 22, expected: "' '" });
    expect(errorOf('Hostname.<hostname[is DNSARecord')).toMatchObject({ column: 33, expected: "']'" });
    expect(errorOf('Hostname.name x')).toMatchObject({ column: 14, expected: "'.'" });
    expect(errorOf("Hostname.name' OR 1=1")).toMatchObject({ column: 14, expected: "'.'" });
  });

  it('checks types and fields against the registry', () => {
    expect(errorOf('Nope.name')).toMatchObject({ message: "Unknown type 'Nope' at column 1.", column: 1 });
    expect(errorOf('Hostname.<hostname[is Nope]')).toMatchObject({ column: 23, expected: 'a type name' });
    expect(errorOf('Hostname.nme')).toMatchObject({ column: 10, expected: 'network, name, dns_zone, registered_domain' });
    expect(errorOf('Hostname.name.network')).toMatchObject({ column: 10, expected: 'network, dns_zone, registered_domain' });
    expect(errorOf('IPPort.port[is Hostname]')).toMatchObject({ column: 8 });
    expect(errorOf('Hostname.network[is Hostname]')).toMatchObject({ column: 21, expected: 'Network' });
    expect(errorOf('Hostname.<hostname[is IPPort]')).toMatchObject({ column: 23 });
    expect(errorOf('Hostname.<nothing[is DNSARecord]')).toMatchObject({ column: 11 });
    expect(errorOf('Hostname.<hostname[is DNSARecord].address.nope')).toMatchObject({ column: 43 });
  });
});
