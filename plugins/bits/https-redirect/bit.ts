/**
 * https-redirect: an http HostnameHTTPURL with its HTTPResources (one per website, i.e. per
 * address serving the hostname) and their headers -> KAT-NO-HTTPS-REDIRECT on the URL when any
 * fetched resource does not send the visitor to https.
 *
 * The redirect target is the resource's redirects_to, else its Location header resolved against
 * the URL. Only the first hop is judged: http://a/ -> http://b/ -> https://b/ is reported, as the
 * first step still goes over plain http. A resource without headers and without redirects_to was
 * not fetched and is skipped; https URLs -> nothing.
 */
import type { OOI } from '../../../src-main/graph/model';
import type { BitFn } from '../../../src-main/bits/types';
import { headerValue, katFinding } from '../../../src-main/bits/helpers';
import { keyOf, webUrlText } from '../web-common';

function targetScheme(resource: OOI, headers: readonly OOI[], base: string | undefined): string | undefined {
  const to = keyOf(resource.data.redirects_to)?.scheme;
  if (typeof to === 'string') return to;
  const location = headerValue(headers, 'location')?.split(/,\s+/)[0]?.trim();
  if (!location) return undefined;
  try {
    return new URL(location, base).protocol.replace(/:$/, '').toLowerCase();
  } catch {
    return undefined;
  }
}

/** The address of the resource's website, for the description. */
function servedBy(resource: OOI): string {
  const address = keyOf(keyOf(keyOf(keyOf(resource.data.website)?.ip_service)?.ip_port)?.address)?.address;
  return typeof address === 'string' ? `served by ${address}` : String(resource.data.website);
}

export const httpsRedirect: BitFn = ({ source, params }) => {
  if (source.data.scheme !== 'http') return [];
  const base = webUrlText(source.pk);
  const failing: string[] = [];
  for (const r of params.resources) {
    const headers = params.headers.filter((h) => h.data.resource === r.pk);
    if (headers.length === 0 && r.data.redirects_to === undefined) continue;
    const scheme = targetScheme(r, headers, base);
    if (scheme !== 'https') failing.push(`${servedBy(r)}: ${scheme === undefined ? 'no redirect' : `redirects to ${scheme}`}`);
  }
  if (failing.length === 0) return [];
  return [katFinding(source.pk, 'KAT-NO-HTTPS-REDIRECT', `${base ?? 'The http URL'} does not redirect to https (${failing.join('; ')}).`)];
};
