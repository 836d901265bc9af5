import { describe, expect, it } from 'vitest';
import type { OOI } from '../../../src-main/graph/model';
import { bit, bitManifest, o } from '../../helpers/bits';

const ip = o('IPAddressV4', { network: 'Network|internet', address: '192.0.2.1' });
const port = (n: number, protocol = 'tcp', state?: string) => o('IPPort', { address: ip.pk, protocol, port: n, state });
const run = (ports: OOI[], config?: Record<string, unknown>) => bit('port-classification-ip', ip, { ports }, { config });

/** "<ooi pk tail>: <finding type id>" per finding, sorted. */
const summary = (out: OOI[]) =>
  out
    .filter((x) => x.type === 'Finding')
    .map((f) => `${String(f.data.ooi).split('|').slice(2).join('|')}: ${String(f.data.finding_type).split('|')[1]}`)
    .sort();

describe('bit port-classification-ip', () => {
  it('classifies each open port by the default lists, findings on the port', () => {
    const out = run([port(22), port(443), port(3306), port(3389), port(8080), port(5900), port(53, 'udp'), port(161, 'udp')]);
    expect(summary(out)).toEqual([
      '192.0.2.1|tcp|22: KAT-OPEN-SYSADMIN-PORT',
      '192.0.2.1|tcp|3306: KAT-OPEN-DATABASE-PORT',
      '192.0.2.1|tcp|3389: KAT-REMOTE-DESKTOP-PORT',
      '192.0.2.1|tcp|5900: KAT-OPEN-SYSADMIN-PORT',
      '192.0.2.1|tcp|8080: KAT-UNCOMMON-OPEN-PORT',
      '192.0.2.1|udp|161: KAT-UNCOMMON-OPEN-PORT',
    ]);
    const ssh = out.find((f) => f.data.ooi === port(22).pk)!;
    expect(ssh.data.description).toBe('Port 22/tcp is open and commonly used for remote administration.');
  });

  it('treats the common lists per protocol and the risk lists for TCP and UDP alike', () => {
    expect(summary(run([port(443, 'udp'), port(1434, 'udp'), port(53, 'tcp')]))).toEqual([
      '192.0.2.1|udp|1434: KAT-OPEN-DATABASE-PORT',
      '192.0.2.1|udp|443: KAT-UNCOMMON-OPEN-PORT',
    ]);
  });

  it('ignores ports recorded as closed or filtered', () => {
    expect(run([port(22, 'tcp', 'closed'), port(3306, 'tcp', 'filtered'), port(5432, 'tcp', 'open|filtered')])).toEqual([]);
    expect(summary(run([port(22, 'tcp', 'open')]))).toEqual(['192.0.2.1|tcp|22: KAT-OPEN-SYSADMIN-PORT']);
  });

  it('infers nothing for an address without open ports or with only common ones', () => {
    expect(run([])).toEqual([]);
    expect(run([port(80), port(443), port(25)])).toEqual([]);
  });

  it('uses the network configuration lists instead of the defaults', () => {
    const config = { sysadmin_ports: [2222], database_ports: [], common_tcp_ports: [8080], remote_desktop_ports: [3389, 5938] };
    expect(summary(run([port(22), port(2222), port(3306), port(8080), port(5938)], config))).toEqual([
      '192.0.2.1|tcp|2222: KAT-OPEN-SYSADMIN-PORT',
      '192.0.2.1|tcp|22: KAT-UNCOMMON-OPEN-PORT',
      '192.0.2.1|tcp|3306: KAT-UNCOMMON-OPEN-PORT',
      '192.0.2.1|tcp|5938: KAT-REMOTE-DESKTOP-PORT',
    ]);
  });

  it('reports a port in several risk lists under each, and never as uncommon', () => {
    const out = run([port(22)], { database_ports: [22], common_tcp_ports: [22] });
    expect(summary(out)).toEqual(['192.0.2.1|tcp|22: KAT-OPEN-DATABASE-PORT', '192.0.2.1|tcp|22: KAT-OPEN-SYSADMIN-PORT']);
  });

  it('aggregates to one finding per kind on the address, listing the ports', () => {
    const out = run([port(23), port(22), port(3306), port(8443), port(21)], { aggregate_findings: true });
    expect(summary(out)).toEqual([
      '192.0.2.1: KAT-OPEN-DATABASE-PORT',
      '192.0.2.1: KAT-OPEN-SYSADMIN-PORT',
      '192.0.2.1: KAT-UNCOMMON-OPEN-PORT',
    ]);
    const byKind = (id: string) => out.find((f) => f.data.finding_type === `KATFindingType|${id}`)!;
    expect(byKind('KAT-OPEN-SYSADMIN-PORT').data.ooi).toBe(ip.pk);
    expect(byKind('KAT-OPEN-SYSADMIN-PORT').data.description).toBe('Open ports 21/tcp, 22/tcp, 23/tcp are commonly used for remote administration.');
    expect(byKind('KAT-OPEN-DATABASE-PORT').data.description).toBe('Open port 3306/tcp is commonly used for a database.');
    expect(byKind('KAT-UNCOMMON-OPEN-PORT').data.description).toBe('Open port 8443/tcp is not among the expected ports.');
  });

  it('works for IPv6 addresses', () => {
    const v6 = o('IPAddressV6', { network: 'Network|internet', address: '2001:db8::1' });
    const p = o('IPPort', { address: v6.pk, protocol: 'tcp', port: 5432 });
    const out = bit('port-classification-ip', v6, { ports: [p] });
    expect(out.map((f) => [f.data.ooi, f.data.finding_type])).toEqual([[p.pk, 'KATFindingType|KAT-OPEN-DATABASE-PORT']]);
  });

  it('fails with a clear settings error when a list is not a list of port numbers', () => {
    expect(() => run([port(22)], { sysadmin_ports: '22' })).toThrow(/sysadmin_ports must be a list of port numbers/);
    expect(() => run([port(22)], { database_ports: [3306, 70000] })).toThrow(/database_ports/);
    try {
      run([port(22)], { common_udp_ports: [1.5] });
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: 'BIT_FAILED', details: { cause: 'PLUGIN_SETTINGS_INVALID' } });
    }
  });

  it('attaches its configuration to the network with the documented defaults', () => {
    const m = bitManifest('port-classification-ip');
    expect(m.config?.path).toBe('IPAddress.network');
    const props = m.config!.schema.properties!;
    expect(props.sysadmin_ports!.default).toEqual([21, 22, 23, 5900]);
    expect(props.database_ports!.default).toEqual([1433, 1434, 3050, 3306, 5432]);
    expect(props.remote_desktop_ports!.default).toEqual([3389]);
    expect(props.common_tcp_ports!.default).toEqual([25, 53, 80, 110, 143, 443, 465, 587, 993, 995]);
    expect(props.aggregate_findings!.default).toBe(false);
  });
});
