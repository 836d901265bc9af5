/** Whether a hostname has an IPv6 address, from its AAAA records or its ResolvedHostnames (direct or via an alias). */
import type { OOI } from '../../../src-main/graph/model';

export function hasIPv6(aaaaRecords: readonly OOI[], resolved: readonly OOI[]): boolean {
  return aaaaRecords.length > 0 || resolved.some((r) => String(r.data.address).startsWith('IPAddressV6|'));
}
