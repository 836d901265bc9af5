/**
 * oois-in-headers: an HTTPHeader -> the URLs and hostnames it names.
 *
 * - location: every http(s) target (repeated headers arrive joined with ", "), resolved against
 *   the URL of the header's resource when relative -> URL (with web_url) + its WebURL and host +
 *   HTTPHeaderURL, and HTTPHeaderHostname when the host is a hostname. The same objects as the
 *   webpage-analysis normalizer makes for the same header, so both agree.
 * - content-security-policy: report-uri values are handled like Location targets; host sources in
 *   source-list directives give the hostname (a '*.' wildcard gives the domain under it; a name
 *   without a dot is taken for a typo, not a host) + HTTPHeaderHostname, and a source with an
 *   http(s) scheme, a concrete host and port also gives its URL.
 * Other headers -> nothing. The resource's URL and network are read from the header's key
 * (resource -> web_url -> netloc), which always holds them.
 *
 * Config `ignored_url_parameters`: query parameter names (any case) removed from every URL first.
 */
import { AppError } from '../../../src-main/common/errors';
import { normalizeObject, type OOI } from '../../../src-main/graph/model';
import { isBad, normHostname } from '../../../src-main/graph/model/values';
import type { BitFn } from '../../../src-main/bits/types';
import { classifySource, parseCspPolicies, SOURCE_LIST_DIRECTIVES } from '../csp';
import { headerKey, keyOf, networkOfWebUrl, splitUrl, webUrlObjects, webUrlText } from '../web-common';

function ignoredParameters(v: unknown): Set<string> {
  if (v === undefined) return new Set();
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
    throw new AppError('PLUGIN_SETTINGS_INVALID', 'oois-in-headers: ignored_url_parameters must be a list of parameter names', { field: 'ignored_url_parameters' });
  }
  return new Set((v as string[]).map((x) => x.trim().toLowerCase()).filter(Boolean));
}

/** The URL without the ignored query parameters; untouched (same text) when none of them occurs. */
function stripParameters(href: string, ignored: ReadonlySet<string>): string {
  if (ignored.size === 0) return href;
  const u = new URL(href);
  const all = [...u.searchParams];
  const kept = all.filter(([k]) => !ignored.has(k.toLowerCase()));
  if (kept.length === all.length) return href;
  u.search = new URLSearchParams(kept).toString();
  return u.href.replaceAll('|', '%7C');
}

class Collector {
  readonly out: OOI[] = [];
  constructor(
    private readonly header: OOI,
    private readonly network: string,
    private readonly ignored: ReadonlySet<string>,
  ) {}

  url(text: string, base: string | undefined): void {
    const u = splitUrl(text, base);
    if (u === null) return;
    const { webUrl, netloc } = webUrlObjects(this.network, u);
    const url = normalizeObject('URL', { network: this.network, raw: stripParameters(u.href, this.ignored), web_url: webUrl.pk });
    this.out.push(netloc, webUrl, url, normalizeObject('HTTPHeaderURL', { header: this.header.pk, url: url.pk }));
    if (netloc.type === 'Hostname') this.out.push(normalizeObject('HTTPHeaderHostname', { header: this.header.pk, hostname: netloc.pk }));
  }

  hostname(name: string): void {
    const h = normHostname(name);
    if (isBad(h) || !h.includes('.')) return;
    const host = normalizeObject('Hostname', { network: this.network, name: h });
    this.out.push(host, normalizeObject('HTTPHeaderHostname', { header: this.header.pk, hostname: host.pk }));
  }
}

function cspObjects(value: string, base: string | undefined, c: Collector): void {
  for (const policy of parseCspPolicies(value)) {
    for (const d of policy.directives.values()) {
      if (d.name === 'report-uri') {
        d.values.forEach((v) => c.url(v, base));
        continue;
      }
      if (!SOURCE_LIST_DIRECTIVES.has(d.name)) continue;
      for (const token of d.values) {
        const s = classifySource(token);
        if (s.kind !== 'host' || s.host === '*') continue;
        c.hostname(s.host);
        if ((s.scheme === 'http' || s.scheme === 'https') && !s.wildcardHost && s.port !== '*') {
          c.url(`${s.scheme}://${s.host}${s.port ? `:${s.port}` : ''}${s.path ?? '/'}`, undefined);
        }
      }
    }
  }
}

export const ooisInHeaders: BitFn = ({ source, config }) => {
  const key = headerKey(source);
  if (key !== 'location' && key !== 'content-security-policy') return [];
  const ignored = ignoredParameters(config.ignored_url_parameters);
  const webUrlPk = keyOf(source.data.resource)?.web_url;
  const network = networkOfWebUrl(webUrlPk);
  if (network === undefined) return [];
  const base = webUrlText(webUrlPk);
  const c = new Collector(source, network, ignored);
  const value = String(source.data.value ?? '');
  if (key === 'location') {
    for (const target of value.split(/,\s+/)) if (target.trim()) c.url(target.trim(), base);
  } else cspObjects(value, base, c);
  return c.out;
};
