/** Web systems: per website in scope, HTTPS, the HTTP-to-HTTPS redirect, CSP and HSTS headers, security.txt, and its certificate. */
import type { ReportData, WebsiteDetail } from '../types';
import { assemble, cmp, idsFilter, pct, refsOf, rows, scopedFindings, section, table, yesNo, type BuildContext } from './common';
import { judgeCertificate } from './tls';

export const WEB_FINDINGS = [
  'KAT-NO-HSTS',
  'KAT-HSTS-VULNERABILITIES',
  'KAT-NO-CSP',
  'KAT-CSP-VULNERABILITIES',
  'KAT-DISALLOWED-DOMAIN-IN-CSP',
  'KAT-NO-X-FRAME-OPTIONS',
  'KAT-NO-X-CONTENT-TYPE-OPTIONS',
  'KAT-NO-REFERRER-POLICY',
  'KAT-NO-PERMISSIONS-POLICY',
  'KAT-NONSTANDARD-HEADERS',
  'KAT-HTTPS-NOT-AVAILABLE',
  'KAT-NO-HTTPS-REDIRECT',
  'KAT-CERTIFICATE-EXPIRED',
  'KAT-CERTIFICATE-EXPIRING-SOON',
  'KAT-SSL-CERT-HOSTNAME-MISMATCH',
  'KAT-NXDOMAIN-HEADER',
];

interface SiteRow {
  pk: string;
  hostname: string;
  svc: string;
  cert: string | null;
}

/**
 * The websites in scope and what their resources and headers say. Each statement reads one object
 * type (one index range) and aggregates it; the parts are joined here by key, so the cost is linear
 * whatever the planner estimates. Names, addresses, ports and services are read from the keys
 * (Website|<IPService key>|<Hostname key>, IPService|network|address|protocol|port|service).
 */
async function websites(c: BuildContext): Promise<Omit<WebsiteDetail, 'findings'>[]> {
  const { s } = c;
  const sites = await rows<SiteRow>(
    s,
    `SELECT o.pk, o.data->>'hostname' AS hostname, o.data->>'ip_service' AS svc, o.data->>'certificate' AS cert
       FROM ${s.objs} o WHERE o.type = 'Website' AND ${s.inScope('o.pk')}`,
  );
  const resources = await rows<{ pk: string; website: string; redir: string | null }>(
    s,
    `SELECT r.pk, r.data->>'website' AS website, r.data->>'redirects_to' AS redir FROM ${s.objs} r WHERE r.type = 'HTTPResource'`,
  );
  const headers = await rows<{ res: string; csp: boolean; hsts: boolean }>(
    s,
    `SELECT h.data->>'resource' AS res, bool_or(lower(h.data->>'key') = 'content-security-policy') AS csp, bool_or(lower(h.data->>'key') = 'strict-transport-security') AS hsts
       FROM ${s.objs} h WHERE h.type = 'HTTPHeader' GROUP BY 1`,
  );
  const stxt = new Set((await rows<{ website: string }>(s, `SELECT DISTINCT x.data->>'website' AS website FROM ${s.objs} x WHERE x.type = 'SecurityTXT'`)).map((r) => r.website));
  const certs = new Map(
    (await rows<{ pk: string; valid_until: string | null }>(s, `SELECT x.pk, x.data->>'valid_until' AS valid_until FROM ${s.objs} x WHERE x.type = 'X509Certificate'`)).map((r) => [r.pk, r.valid_until]),
  );
  const byResource = new Map(headers.map((h) => [h.res, h]));
  const perSite = new Map<string, { n: number; httpsRedirect: boolean; csp: boolean; hsts: boolean }>();
  for (const r of resources) {
    const p = perSite.get(r.website) ?? { n: 0, httpsRedirect: false, csp: false, hsts: false };
    p.n += 1;
    // a redirect target is a WebURL key: <type>|<scheme>|...
    if (r.redir && r.redir.split('|')[1] === 'https') p.httpsRedirect = true;
    const h = byResource.get(r.pk);
    if (h?.csp) p.csp = true;
    if (h?.hsts) p.hsts = true;
    perSite.set(r.website, p);
  }
  const part = (pk: string, i: number) => pk.split('|')[i] ?? '';
  return sites
    .map((w) => {
      const service = part(w.svc, 5);
      const port = Number(part(w.svc, 4)) || 0;
      const https = service === 'https' || port === 443;
      const p = perSite.get(w.pk);
      const validUntil = w.cert ? (certs.get(w.cert) ?? null) : null;
      const cert = w.cert ? judgeCertificate(validUntil, c.asOf) : null;
      return {
        pk: w.pk,
        hostname: part(w.hostname, 2),
        address: part(w.svc, 2),
        port,
        service,
        https,
        redirectsToHttps: https || !p ? null : p.httpsRedirect,
        csp: p?.csp ?? false,
        hsts: p?.hsts ?? false,
        securityTxt: stxt.has(w.pk),
        certificateValid: cert === null ? (https ? false : null) : !cert.expired,
        certificateExpires: validUntil,
      };
    })
    .sort((a, b) => cmp(a.hostname, b.hostname) || cmp(a.pk, b.pk));
}

export async function buildWebSystem(c: BuildContext): Promise<ReportData> {
  const { s } = c;
  const res = await websites(c);
  const findings = await scopedFindings(c, idsFilter(WEB_FINDINGS));
  // which website each finding is about (on the website, one of its resources or headers, or its certificate)
  const owner = await rows<{ ooi: string; website: string }>(
    s,
    `WITH o AS (SELECT unnest($2::text[]) AS ooi)
     SELECT o.ooi, w.pk AS website FROM o JOIN ${s.objs} w ON w.pk = o.ooi AND w.type = 'Website'
     UNION
     SELECT c.ooi, w.pk FROM (SELECT ooi FROM o WHERE ooi LIKE 'X509Certificate|%') c
       JOIN (SELECT x.pk, x.data->>'certificate' AS cert FROM ${s.objs} x WHERE x.type = 'Website') w ON w.cert = c.ooi
     UNION
     SELECT o.ooi, r.data->>'website' FROM o JOIN ${s.objs} r ON r.pk = o.ooi AND r.type = 'HTTPResource'
     UNION
     SELECT o.ooi, r.data->>'website' FROM o JOIN ${s.objs} h ON h.pk = o.ooi AND h.type = 'HTTPHeader' JOIN ${s.objs} r ON r.pk = h.data->>'resource'`,
    [[...new Set(findings.map((f) => f.ooi))]],
  );
  const byWebsite = new Map<string, Set<string>>();
  const ooiToSites = new Map<string, string[]>();
  for (const o of owner) ooiToSites.set(o.ooi, [...(ooiToSites.get(o.ooi) ?? []), o.website]);
  for (const f of findings) for (const w of ooiToSites.get(f.ooi) ?? []) byWebsite.set(w, (byWebsite.get(w) ?? new Set()).add(f.findingType));

  const sites: WebsiteDetail[] = res.map((w) => ({ ...w, findings: [...(byWebsite.get(w.pk) ?? [])].sort(cmp) }));
  const httpsSites = sites.filter((x) => x.https);
  const n = sites.length;
  const ok = (f: (w: WebsiteDetail) => boolean) => sites.filter(f).length;
  return assemble('web-system', c, {
    title: 'Web systems',
    summary: [
      { label: 'Websites', value: n },
      { label: 'Served over HTTPS', value: httpsSites.length },
      { label: 'With CSP', value: ok((w) => w.csp) },
      { label: 'With HSTS (HTTPS)', value: httpsSites.filter((w) => w.hsts).length },
      { label: 'With security.txt', value: ok((w) => w.securityTxt) },
      { label: 'Findings', value: findings.length },
    ],
    sections: [
      section(
        'web-checks',
        'Checks per website',
        [
          `${n} website${n === 1 ? '' : 's'} in scope; ${httpsSites.length} served over HTTPS. ` +
            `CSP on ${pct(ok((w) => w.csp), n)}, HSTS on ${pct(httpsSites.filter((w) => w.hsts).length, httpsSites.length)} of the HTTPS sites, security.txt on ${pct(ok((w) => w.securityTxt), n)}.`,
        ],
        ['web-checks'],
      ),
    ],
    tables: [
      table(
        'web-checks',
        'Websites',
        ['Hostname', 'Address', 'Port', 'HTTPS', 'Redirects to HTTPS', 'CSP', 'HSTS', 'security.txt', 'Certificate valid', 'Findings'],
        sites.map((w) => ({
          cells: [w.hostname, w.address, w.port, yesNo(w.https), w.redirectsToHttps === null ? 'n/a' : yesNo(w.redirectsToHttps), yesNo(w.csp), w.https ? yesNo(w.hsts) : 'n/a', yesNo(w.securityTxt), w.certificateValid === null ? 'n/a' : yesNo(w.certificateValid), w.findings.join(', ')],
          link: w.pk,
        })),
      ),
    ],
    charts: [],
    findings: refsOf(findings),
    details: { websites: sites },
  });
}
