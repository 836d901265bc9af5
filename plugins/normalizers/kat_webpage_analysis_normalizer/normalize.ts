/**
 * kat_webpage_analysis_normalizer: the webpage-analysis document -> per hop that got an HTTP
 * response:
 * - the service curl actually connected to: IPAddress + IPPort (tcp) + Service ('http' / 'https',
 *   from the URL's scheme) + IPService, from the hop's `remote_ip`;
 * - for a URL addressed by hostname: the Website (that IPService + the hostname), the HTTPResource
 *   (website + the URL; `redirects_to` = the Location target of a 3xx) and one HTTPHeader per header
 *   name (lowercase; repeated headers joined with ", ", Set-Cookie with "\n");
 * - for a Location header that is an http(s) URL: the URL (raw = the absolute URL), its WebURL,
 *   HTTPHeaderURL and, for a hostname, HTTPHeaderHostname. Other schemes (javascript:, data:, ...)
 *   stay header text only.
 *
 * Why the IP comes from the raw file: a HostnameHTTPURL names no address, and a Website is keyed by
 * an IPService, so the only honest address is the one the boefje connected to. A URL addressed by
 * IP has no hostname, so it has no Website: only its IPService is recorded, not its headers.
 */
import { normalizeObject, type OOI } from '../../../src-main/graph/model';
import { isBad, normIP } from '../../../src-main/graph/model/values';
import { malformed, type Normalize } from '../../../src-main/normalizers/types';
import { readDocument, type Hop } from './schema';
import { ipObject, splitUrl, webUrlObjects } from './web-urls';

export const DEFAULT_NETWORK = 'Network|internet';

interface Target {
  webUrlPk: string;
  scheme: 'http' | 'https';
  port: number;
  /** the Hostname pk when the URL is addressed by hostname */
  hostnamePk: string | null;
}

type Add = (o: OOI) => void;

function isWebUrl(o: OOI | null): o is OOI {
  return o !== null && (o.type === 'HostnameHTTPURL' || o.type === 'IPAddressHTTPURL');
}

/** Hop 0 is the input object itself; later hops are split from the URL curl requested. */
function targetOf(hop: Hop, index: number, input: OOI | null, network: string, add: Add): Target | null {
  if (index === 0 && isWebUrl(input)) {
    return {
      webUrlPk: input.pk,
      scheme: input.data.scheme === 'http' ? 'http' : 'https',
      port: Number(input.data.port),
      hostnamePk: input.type === 'HostnameHTTPURL' ? String(input.data.netloc) : null,
    };
  }
  const u = splitUrl(hop.url);
  if (u === null) return null;
  const { webUrl, netloc } = webUrlObjects(network, u);
  add(netloc);
  add(webUrl);
  return { webUrlPk: webUrl.pk, scheme: u.scheme, port: u.port, hostnamePk: netloc.type === 'Hostname' ? netloc.pk : null };
}

function headerValue(name: string, values: string[]): string {
  return values.join(name === 'set-cookie' ? '\n' : ', ');
}

/** URL + HTTPHeaderURL (+ HTTPHeaderHostname) for each http(s) Location; the first target's WebURL. */
function locationLinks(hop: Hop, values: string[], headerPk: string, network: string, add: Add): string | undefined {
  let first: string | undefined;
  for (const value of values) {
    const u = splitUrl(value.trim(), hop.url);
    if (u === null) continue;
    const { webUrl, netloc } = webUrlObjects(network, u);
    const url = normalizeObject('URL', { network, raw: u.href, web_url: webUrl.pk });
    add(netloc);
    add(webUrl);
    add(url);
    add(normalizeObject('HTTPHeaderURL', { header: headerPk, url: url.pk }));
    if (netloc.type === 'Hostname') add(normalizeObject('HTTPHeaderHostname', { header: headerPk, hostname: netloc.pk }));
    first ??= webUrl.pk;
  }
  return first;
}

function hopObjects(hop: Hop, index: number, input: OOI | null, network: string, add: Add): void {
  if (hop.exitcode !== 0 || hop.http_code === 0) return; // no response: nothing observed
  // curl reports the address of every response and requested only http(s) URLs; anything else is not its output
  const remote = normIP(hop.remote_ip ?? '');
  if (isBad(remote)) throw malformed(`hop ${index} got a response but its remote_ip '${hop.remote_ip ?? ''}' is not an address`, { reason: 'schema', path: `hops.${index}.remote_ip` });
  const target = targetOf(hop, index, input, network, add);
  if (target === null) throw malformed(`hop ${index} has no absolute http(s) URL`, { reason: 'schema', path: `hops.${index}.url` });

  const ip = ipObject(network, remote);
  const ipPort = normalizeObject('IPPort', { address: ip.pk, protocol: 'tcp', port: target.port });
  const service = normalizeObject('Service', { name: target.scheme });
  const ipService = normalizeObject('IPService', { ip_port: ipPort.pk, service: service.pk });
  [ip, ipPort, service, ipService].forEach(add);
  if (target.hostnamePk === null) return;

  const website = normalizeObject('Website', { ip_service: ipService.pk, hostname: target.hostnamePk });
  add(website);
  const resourcePk = normalizeObject('HTTPResource', { website: website.pk, web_url: target.webUrlPk }).pk;
  let redirectsTo: string | undefined;
  const headers: OOI[] = [];
  for (const [name, values] of Object.entries(hop.headers)) {
    const header = normalizeObject('HTTPHeader', { resource: resourcePk, key: name.toLowerCase().replaceAll('|', '%7C'), value: headerValue(name, values) });
    headers.push(header);
    if (name.toLowerCase() === 'location') {
      const to = locationLinks(hop, values, header.pk, network, add);
      if (hop.http_code >= 300 && hop.http_code < 400) redirectsTo ??= to;
    }
  }
  add(normalizeObject('HTTPResource', { website: website.pk, web_url: target.webUrlPk, redirects_to: redirectsTo }));
  headers.forEach(add);
}

export const normalizeWebpageAnalysis: Normalize = ({ raw, input }) => {
  const doc = readDocument(raw);
  const network = typeof input?.data.network === 'string' ? input.data.network : DEFAULT_NETWORK;
  const objects = new Map<string, OOI>();
  const add: Add = (o) => {
    if (!objects.has(o.pk)) objects.set(o.pk, o);
  };
  doc.hops.forEach((hop, i) => hopObjects(hop, i, input, network, add));
  return { objects: [...objects.values()] };
};
