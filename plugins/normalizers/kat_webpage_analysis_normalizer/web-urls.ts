/**
 * Splitting an absolute http(s) URL into the model's WebURL (HostnameHTTPURL or IPAddressHTTPURL)
 * with the WHATWG parser. A URL the model cannot hold (another scheme, a host that is neither a
 * valid hostname nor an address) gives null: such a link is kept only as header text.
 */
import { normalizeObject, type OOI } from '../../../src-main/graph/model';
import { isBad, normHostname, normIP } from '../../../src-main/graph/model/values';

export interface SplitUrl {
  scheme: 'http' | 'https';
  port: number;
  /** the path without query; '|' (a key separator) as %7C */
  path: string;
  host: { kind: 'hostname'; name: string } | { kind: 'ip'; address: string };
  /** the whole URL, '|' as %7C */
  href: string;
}

export function splitUrl(text: string, base?: string): SplitUrl | null {
  let u: URL;
  try {
    u = new URL(text, base);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const scheme = u.protocol === 'http:' ? 'http' : 'https';
  const bare = u.hostname.startsWith('[') ? u.hostname.slice(1, -1) : u.hostname;
  const ip = normIP(bare);
  let host: SplitUrl['host'];
  if (!isBad(ip)) host = { kind: 'ip', address: ip };
  else {
    const name = normHostname(bare);
    if (isBad(name)) return null;
    host = { kind: 'hostname', name };
  }
  return {
    scheme,
    port: u.port === '' ? (scheme === 'http' ? 80 : 443) : Number(u.port),
    path: (u.pathname || '/').replaceAll('|', '%7C'),
    host,
    href: u.href.replaceAll('|', '%7C'),
  };
}

export function ipObject(network: string, address: string): OOI {
  return normalizeObject(address.includes(':') ? 'IPAddressV6' : 'IPAddressV4', { network, address });
}

/** The WebURL and the object its host part names. */
export function webUrlObjects(network: string, u: SplitUrl): { webUrl: OOI; netloc: OOI } {
  const netloc = u.host.kind === 'hostname' ? normalizeObject('Hostname', { network, name: u.host.name }) : ipObject(network, u.host.address);
  const type = u.host.kind === 'hostname' ? 'HostnameHTTPURL' : 'IPAddressHTTPURL';
  const webUrl = normalizeObject(type, { network, scheme: u.scheme, netloc: netloc.pk, port: u.port, path: u.path });
  return { webUrl, netloc };
}
