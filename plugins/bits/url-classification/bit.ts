/**
 * url-classification: a URL whose raw text is an absolute http(s) URL -> the host it names
 * (Hostname, IPAddressV4 or IPAddressV6 in the URL's network), the split-up WebURL
 * (HostnameHTTPURL / IPAddressHTTPURL: scheme, port with 80/443 as default, path with '/' as
 * default, query and fragment dropped) and the URL itself with web_url pointing at it.
 * Anything else (mailto:, relative text, a host that is neither a hostname nor an address) -> nothing.
 */
import { normalizeObject } from '../../../src-main/graph/model';
import type { BitFn } from '../../../src-main/bits/types';
import { splitUrl, webUrlObjects } from '../web-common';

export const urlClassification: BitFn = ({ source }) => {
  const network = String(source.data.network);
  const u = splitUrl(String(source.data.raw ?? '').trim());
  if (u === null) return [];
  const { webUrl, netloc } = webUrlObjects(network, u);
  return [netloc, webUrl, normalizeObject('URL', { ...source.data, web_url: webUrl.pk })];
};
