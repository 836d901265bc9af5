/**
 * Pieces shared by the web bits (url-*, website-/resource-discovery, the header checks). Pure.
 *
 * This is a file, not a folder, so the plugin loader (which loads plugins/bits/<folder>/) skips it.
 *
 * - Key attributes of a primary key (`keyOf`): a reference such as Website.ip_service is a full
 *   primary key whose parts never change, so the port of a website's service or the name of a
 *   hostname can be read from the key without fetching the object.
 * - The web scheme of a service name as nmap and the webpage-analysis normalizer write it.
 * - URL splitting: the webpage-analysis normalizer's WHATWG-based splitter, reused so a URL found
 *   by a bit and the same URL found by the normalizer make the same objects.
 */
import { Reference, type OOI } from '../../src-main/graph/model';

export { ipObject, splitUrl, webUrlObjects, type SplitUrl } from '../normalizers/kat_webpage_analysis_normalizer/web-urls';

export type WebScheme = 'http' | 'https';

/** The key attributes of a primary key (references as full primary keys), or undefined when it does not parse. */
export function keyOf(pk: unknown): Readonly<Record<string, unknown>> | undefined {
  return typeof pk === 'string' ? Reference.tryFrom(pk)?.keyValues : undefined;
}

/**
 * Service names that speak plain HTTP or HTTPS. nmap names a web server by its port's usual
 * service ('http-alt' on 8008, 'http-proxy' on 8080, 'https-alt' on 8443); the nmap normalizer
 * turns 'http' over an SSL tunnel into 'https', and the webpage-analysis normalizer writes the
 * URL's scheme. 'http-proxy' counts as a web server: in practice 8080 serves websites far more
 * often than forward proxies.
 */
const SERVICE_SCHEMES: Readonly<Record<string, WebScheme>> = {
  http: 'http',
  'http-alt': 'http',
  'http-proxy': 'http',
  www: 'http',
  'www-http': 'http',
  https: 'https',
  'https-alt': 'https',
  'ssl/http': 'https',
  'ssl/https': 'https',
  'ssl/http-alt': 'https',
};

/** 'http' / 'https' for a Service name or a Service primary key ('Service|https'); undefined for other services. */
export function webSchemeOfService(nameOrPk: unknown): WebScheme | undefined {
  if (typeof nameOrPk !== 'string') return undefined;
  const name = (nameOrPk.startsWith('Service|') ? nameOrPk.slice('Service|'.length) : nameOrPk).trim().toLowerCase();
  return Object.prototype.hasOwnProperty.call(SERVICE_SCHEMES, name) ? SERVICE_SCHEMES[name] : undefined;
}

/** The web scheme of an IPService primary key, from its Service part. */
export function webSchemeOfIpService(ipServicePk: unknown): WebScheme | undefined {
  return webSchemeOfService(keyOf(ipServicePk)?.service);
}

/** The port number of an IPService primary key, from its IPPort part. */
export function portOfIpService(ipServicePk: unknown): number | undefined {
  const port = keyOf(keyOf(ipServicePk)?.ip_port)?.port;
  return typeof port === 'number' ? port : undefined;
}

/** An IPPort counts as open unless a scanner recorded another state (the state field is deprecated). */
export function isOpenTcpPort(p: OOI, port: number): boolean {
  return p.data.protocol === 'tcp' && p.data.port === port && (p.data.state === undefined || p.data.state === 'open');
}

/** The host part for a URL: a hostname as is, an IPv6 address in brackets. */
export function urlHost(hostOrAddress: string): string {
  return hostOrAddress.includes(':') ? `[${hostOrAddress}]` : hostOrAddress;
}

/** The absolute URL text of a WebURL primary key (HostnameHTTPURL / IPAddressHTTPURL), or undefined. */
export function webUrlText(webUrlPk: unknown): string | undefined {
  const k = keyOf(webUrlPk);
  if (!k) return undefined;
  const netloc = keyOf(k.netloc);
  const host = typeof netloc?.name === 'string' ? netloc.name : typeof netloc?.address === 'string' ? urlHost(netloc.address) : undefined;
  if (host === undefined || (k.scheme !== 'http' && k.scheme !== 'https') || typeof k.port !== 'number' || typeof k.path !== 'string') return undefined;
  try {
    return new URL(`${k.scheme}://${host}:${k.port}${k.path.startsWith('/') ? '' : '/'}${k.path}`).href;
  } catch {
    return undefined;
  }
}

/** The network primary key of a WebURL primary key, read from its netloc (which holds it in its key). */
export function networkOfWebUrl(webUrlPk: unknown): string | undefined {
  const net = keyOf(keyOf(webUrlPk)?.netloc)?.network;
  return typeof net === 'string' ? net : undefined;
}

/** Header key, lower-cased (the normalizer already writes lowercase keys; bits must not rely on it). */
export function headerKey(h: OOI): string {
  return String(h.data.key ?? '').toLowerCase();
}
