/**
 * url-discovery: an IPAddress with open TCP port 80 and/or 443 -> the root URL of each web scheme
 * on that address (http://192.0.2.1/, https://[2001:db8::1]/) and on every hostname resolving to
 * it (http://example.org/), each in the network of the host it names. Only the URL is made;
 * url-classification splits it.
 */
import { normalizeObject, type OOI } from '../../../src-main/graph/model';
import type { BitFn } from '../../../src-main/bits/types';
import { isOpenTcpPort, keyOf, urlHost, type WebScheme } from '../web-common';

const WEB_PORTS: readonly [WebScheme, number][] = [
  ['http', 80],
  ['https', 443],
];

/** The WHATWG form of <scheme>://<host>/, or undefined for a host the URL parser refuses. */
function rootUrl(scheme: WebScheme, host: string): string | undefined {
  try {
    return new URL(`${scheme}://${host}/`).href;
  } catch {
    return undefined;
  }
}

export const urlDiscovery: BitFn = ({ source, params }) => {
  const schemes = WEB_PORTS.filter(([, port]) => params.ports.some((p) => isOpenTcpPort(p, port))).map(([scheme]) => scheme);
  if (schemes.length === 0) return [];
  const hosts: { network: string; host: string }[] = [{ network: String(source.data.network), host: urlHost(String(source.data.address)) }];
  for (const r of params.resolved) {
    const h = keyOf(r.data.hostname);
    if (typeof h?.name === 'string' && typeof h.network === 'string') hosts.push({ network: h.network, host: h.name });
  }
  const out: OOI[] = [];
  for (const { network, host } of hosts) {
    for (const scheme of schemes) {
      const raw = rootUrl(scheme, host);
      if (raw !== undefined) out.push(normalizeObject('URL', { network, raw }));
    }
  }
  return out;
};
