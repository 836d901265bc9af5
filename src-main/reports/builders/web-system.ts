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

interface Row {
  pk: string;
  hostname: string | null;
  service: string;
  port: number | null;
  address: string | null;
  cert: string | null;
  valid_until: string | null;
  csp: boolean | null;
  hsts: boolean | null;
  resources: number | null;
  https_redirect: boolean | null;
  stxt: boolean;
}

export async function buildWebSystem(c: BuildContext): Promise<ReportData> {
  const { s } = c;
  const res = await rows<Row>(
    s,
    // every join is a key lookup or a hash join on one side's key: no estimate can make it quadratic
    `WITH w AS MATERIALIZED (SELECT o.pk, o.data FROM ${s.objs} o WHERE o.type = 'Website' AND ${s.inScope('o.pk')}),
     hdr AS (SELECT r.data->>'website' AS website, bool_or(lower(h.data->>'key') = 'content-security-policy') AS csp,
                    bool_or(lower(h.data->>'key') = 'strict-transport-security') AS hsts
               FROM ${s.objs} h JOIN ${s.objs} r ON r.pk = h.data->>'resource' WHERE h.type = 'HTTPHeader' GROUP BY 1),
     redir AS (SELECT r.data->>'website' AS website, count(*)::int AS n, bool_or(u.data->>'scheme' = 'https') AS https_redirect
                 FROM ${s.objs} r LEFT JOIN ${s.objs} u ON u.pk = r.data->>'redirects_to' WHERE r.type = 'HTTPResource' GROUP BY 1),
     stxt AS (SELECT DISTINCT x.data->>'website' AS website FROM ${s.objs} x WHERE x.type = 'SecurityTXT')
     SELECT w.pk, hn.data->>'name' AS hostname, split_part(svc.data->>'service', '|', 2) AS service, (p.data->>'port')::int AS port,
            ip.data->>'address' AS address, w.data->>'certificate' AS cert, cert.data->>'valid_until' AS valid_until,
            hdr.csp, hdr.hsts, redir.n AS resources, redir.https_redirect, stxt.website IS NOT NULL AS stxt
       FROM w
       LEFT JOIN ${s.objs} hn ON hn.pk = w.data->>'hostname'
       LEFT JOIN ${s.objs} svc ON svc.pk = w.data->>'ip_service'
       LEFT JOIN ${s.objs} p ON p.pk = svc.data->>'ip_port'
       LEFT JOIN ${s.objs} ip ON ip.pk = p.data->>'address'
       LEFT JOIN ${s.objs} cert ON cert.pk = w.data->>'certificate'
       LEFT JOIN hdr ON hdr.website = w.pk LEFT JOIN redir ON redir.website = w.pk LEFT JOIN stxt ON stxt.website = w.pk
      ORDER BY hn.data->>'name', w.pk`,
  );
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

  const sites: WebsiteDetail[] = res.map((r) => {
    const https = r.service === 'https' || r.port === 443;
    const cert = r.cert ? judgeCertificate(r.valid_until, c.asOf) : null;
    return {
      pk: r.pk,
      hostname: r.hostname ?? '',
      address: r.address ?? '',
      port: r.port ?? 0,
      service: r.service,
      https,
      redirectsToHttps: https || !r.resources ? null : r.https_redirect === true,
      csp: r.csp === true,
      hsts: r.hsts === true,
      securityTxt: r.stxt,
      certificateValid: cert === null ? (https ? false : null) : !cert.expired,
      certificateExpires: r.valid_until,
      findings: [...(byWebsite.get(r.pk) ?? [])].sort(cmp),
    };
  });
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
