import { describe, expect, it } from 'vitest';
import { bit, findingIds, o } from '../../helpers/bits';

const ip = o('IPAddressV4', { network: 'Network|internet', address: '192.0.2.1' });
const port = (n: number, extra: Record<string, unknown> = {}) => o('IPPort', { address: ip.pk, protocol: 'tcp', port: n, ...extra });

describe('bit https-availability', () => {
  it('reports an address with port 80 but not 443, on the address', () => {
    const out = bit('https-availability', ip, { ports: [port(80), port(22)] });
    expect(findingIds(out)).toEqual(['KAT-HTTPS-NOT-AVAILABLE']);
    expect(out[0]!.data.ooi).toBe(ip.pk);
  });

  it('is quiet when 443 is open as well, or 80 is not', () => {
    expect(bit('https-availability', ip, { ports: [port(80), port(443)] })).toEqual([]);
    expect(bit('https-availability', ip, { ports: [port(443)] })).toEqual([]);
    expect(bit('https-availability', ip)).toEqual([]);
  });

  it('counts only open TCP ports', () => {
    expect(findingIds(bit('https-availability', ip, { ports: [port(80, { state: 'open' }), port(443, { state: 'filtered' })] }))).toEqual(['KAT-HTTPS-NOT-AVAILABLE']);
    expect(bit('https-availability', ip, { ports: [port(80, { state: 'closed' })] })).toEqual([]);
    expect(bit('https-availability', ip, { ports: [o('IPPort', { address: ip.pk, protocol: 'udp', port: 80 })] })).toEqual([]);
    expect(findingIds(bit('https-availability', ip, { ports: [port(80), o('IPPort', { address: ip.pk, protocol: 'udp', port: 443 })] }))).toEqual(['KAT-HTTPS-NOT-AVAILABLE']);
  });
});
