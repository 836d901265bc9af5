/**
 * url-discovery: an IPAddress with open TCP port 80 and/or 443, or a web service on any other port
 * (nmap's http-alt on 8080, https-alt on 8443 ...) -> the root URL of each web scheme and port
 * on that address (http://192.0.2.1/, https://[2001:db8::1]/) and on every hostname resolving to
 * it (http://example.org/), each in the network of the host it names. Only the URL is made;
 * url-classification splits it.
 */
import { normalizeObject, type OOI } from '../../../src-main/graph/model';
import type { BitFn } from '../../../src-main/bits/types';
import { isOpenTcpPort, keyOf, portOfIpService, urlHost, webSchemeOfIpService, type WebScheme } from '../web-common';

const WEB_PORTS: readonly [WebScheme, number][] = [
  ['http', 80],
  ['https', 443],
];

/** The WHATWG form of <scheme>://<host>/, or undefined for a host the URL parser refuses. */
function rootUrl(scheme: WebScheme, host: string, port: number): string | undefined {
  try {
    return new URL(`${scheme}://${host}:${port}/`).href;
  } catch {
    return undefined;
  }
}

export const urlDiscovery: BitFn = ({ source, params }) => {
  const targets = new Map<string, [WebScheme, number]>();
  for (const [scheme, port] of WEB_PORTS) if (params.ports.some((p) => isOpenTcpPort(p, port))) targets.set(`${scheme}:${port}`, [scheme, port]);
  for (const s of params.services ?? []) {
    const scheme = webSchemeOfIpService(s.pk);
    const port = portOfIpService(s.pk);
    const open = params.ports.some((p) => port !== undefined && isOpenTcpPort(p, port));
    if (scheme && port !== undefined && open) targets.set(`${scheme}:${port}`, [scheme, port]);
  }
  if (targets.size === 0) return [];
  const hosts: { network: string; host: string }[] = [{ network: String(source.data.network), host: urlHost(String(source.data.address)) }];
  for (const r of params.resolved) {
    const h = keyOf(r.data.hostname);
    if (typeof h?.name === 'string' && typeof h.network === 'string') hosts.push({ network: h.network, host: h.name });
  }
  const out: OOI[] = [];
  for (const { network, host } of hosts) {
    for (const [scheme, port] of targets.values()) {
      const raw = rootUrl(scheme, host, port);
      if (raw !== undefined) out.push(normalizeObject('URL', { network, raw }));
    }
  }
  return out;
};
