/**
 * expiring-certificate: an X509Certificate whose `valid_until` lies at or before the engine's clock
 * is expired (KAT-CERTIFICATE-EXPIRED); one that ends within `expiring_soon_days` days of it is
 * about to expire (KAT-CERTIFICATE-EXPIRING-SOON). At most one of the two, always on the
 * certificate itself.
 *
 * Why on the certificate and not on each Website that presents it: one certificate often serves
 * many websites (a wildcard, a SAN list, every address of a host), and renewing it fixes all of
 * them at once, so one finding per problem is what a report should count. The websites are still
 * a parameter: they are listed in the description, so an analyst sees what breaks, and the text
 * follows them when websites come and go. Certificates no website presents directly (the issuers
 * further up a served chain) are checked too: an expired intermediate breaks the chain as well.
 *
 * The description names the absolute date only (no "in 5 days"), because the engine re-runs a bit
 * when its inputs change, not when the clock moves. A `valid_until` that is absent or not a date
 * yields nothing: there is nothing to judge.
 */
import { Reference, type OOI } from '../../../src-main/graph/model';
import { katFinding } from '../../../src-main/bits/helpers';
import type { BitFn } from '../../../src-main/bits/types';

const DAY_MS = 86_400_000;
export const DEFAULT_EXPIRING_SOON_DAYS = 14;

/** The configured warning window in days; anything that is not a non-negative number is the default. */
function soonDays(config: Readonly<Record<string, unknown>>): number {
  const v = config.expiring_soon_days;
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : DEFAULT_EXPIRING_SOON_DAYS;
}

/** "www.example.org on 192.0.2.1:443 (https)", or the primary key when it does not parse. */
function websiteLabel(website: OOI): string {
  const r = Reference.tryFrom(website.pk);
  const host = r?.refs.hostname?.keyValues.name;
  const port = r?.refs.ip_service?.refs.ip_port?.keyValues;
  const service = r?.refs.ip_service?.refs.service?.keyValues.name;
  if (typeof host !== 'string' || !port) return website.pk;
  const address = String(port.address).split('|').pop() ?? '';
  const at = address.includes(':') ? `[${address}]` : address;
  return `${host} on ${at}:${String(port.port)}${typeof service === 'string' ? ` (${service})` : ''}`;
}

function usedBy(websites: readonly OOI[], certPk: string): string {
  const labels = websites.filter((w) => w.data.certificate === certPk).map(websiteLabel);
  return labels.length ? ` It is presented by ${labels.join(', ')}.` : '';
}

export const expiringCertificate: BitFn = ({ source, params, config, now }) => {
  const until = typeof source.data.valid_until === 'string' ? Date.parse(source.data.valid_until) : NaN;
  if (Number.isNaN(until)) return [];
  const date = new Date(until).toISOString();
  const websites = usedBy(params.websites ?? [], source.pk);
  if (until <= now.getTime()) {
    return [katFinding(source.pk, 'KAT-CERTIFICATE-EXPIRED', `The certificate was valid until ${date}.${websites}`)];
  }
  const days = soonDays(config);
  if (until - now.getTime() <= days * DAY_MS) {
    return [katFinding(source.pk, 'KAT-CERTIFICATE-EXPIRING-SOON', `The certificate is valid until ${date}, at most ${days} days after the check.${websites}`)];
  }
  return [];
};
