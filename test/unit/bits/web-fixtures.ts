/** Plain objects shared by the web bit tests: one website per scheme, resources and headers on it. */
import type { OOI } from '../../../src-main/graph/model';
import { o } from '../../helpers/bits';

export const HOST = 'Hostname|internet|example.org';

export function website(scheme: 'http' | 'https', ip = '192.0.2.1'): OOI {
  const port = scheme === 'http' ? 80 : 443;
  return o('Website', { ip_service: `IPService|internet|${ip}|tcp|${port}|${scheme}`, hostname: HOST });
}

export function webUrl(scheme: 'http' | 'https', path = '/', port = scheme === 'http' ? 80 : 443): OOI {
  return o('HostnameHTTPURL', { network: 'Network|internet', scheme, port, path, netloc: HOST });
}

export function resource(scheme: 'http' | 'https', path = '/', extra: Record<string, unknown> = {}, ip = '192.0.2.1'): OOI {
  return o('HTTPResource', { website: website(scheme, ip).pk, web_url: webUrl(scheme, path).pk, ...extra });
}

export function header(res: OOI, key: string, value: string): OOI {
  return o('HTTPHeader', { resource: res.pk, key, value });
}
