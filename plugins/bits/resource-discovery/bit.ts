/**
 * resource-discovery: a Hostname with its HostnameHTTPURLs and its Websites -> HTTPResource(website,
 * web_url) for every pair where the website's service speaks the URL's scheme (http / https, see
 * webSchemeOfService) and listens on the URL's port.
 *
 * The website's port and service are read from its ip_service key (IPService = IPPort + Service,
 * IPPort = address + protocol + port): key parts never change, so no further parameters are needed
 * to reach the IPService and IPPort objects.
 */
import { normalizeObject, type OOI } from '../../../src-main/graph/model';
import type { BitFn } from '../../../src-main/bits/types';
import { portOfIpService, webSchemeOfIpService } from '../web-common';

export const resourceDiscovery: BitFn = ({ params }) => {
  const out: OOI[] = [];
  for (const w of params.websites) {
    const scheme = webSchemeOfIpService(w.data.ip_service);
    const port = portOfIpService(w.data.ip_service);
    if (scheme === undefined || port === undefined) continue;
    for (const u of params.urls) {
      if (u.data.scheme === scheme && u.data.port === port) out.push(normalizeObject('HTTPResource', { website: w.pk, web_url: u.pk }));
    }
  }
  return out;
};
