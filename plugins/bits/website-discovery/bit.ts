/**
 * website-discovery: an IPAddress -> Website(ip_service, hostname) for every IPService on it whose
 * service speaks HTTP or HTTPS (see webSchemeOfService) times every hostname resolving to it.
 * Virtual hosting means any of those hostnames may be served by any of those services; which
 * ones really are is for the webpage analysis to find out.
 */
import { normalizeObject, type OOI } from '../../../src-main/graph/model';
import type { BitFn } from '../../../src-main/bits/types';
import { webSchemeOfService } from '../web-common';

export const websiteDiscovery: BitFn = ({ params }) => {
  const web = params.services.filter((s) => webSchemeOfService(s.data.service) !== undefined);
  const out: OOI[] = [];
  for (const s of web) for (const r of params.resolved) out.push(normalizeObject('Website', { ip_service: s.pk, hostname: r.data.hostname }));
  return out;
};
