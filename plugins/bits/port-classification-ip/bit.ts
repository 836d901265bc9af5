/**
 * port-classification-ip: the open ports of one IP address, sorted by what they expose. A port in
 * the remote administration, database or remote desktop list (matched on the number, TCP or UDP
 * alike: SQL Server's browser on 1434 and RDP on 3389 also speak UDP) gets that list's finding; a
 * port in none of them and not among the common ports of its protocol gets
 * KAT-UNCOMMON-OPEN-PORT. A port named in several risk lists gets each of their findings.
 *
 * A port counts as open when its (deprecated) state is absent or 'open'; ports recorded as closed
 * or filtered are ignored. Findings are on the IPPort, or with `aggregate_findings` one per kind on
 * the IP address, with the ports in the description.
 *
 * The lists come from the network's Config (defaults in the manifest). A list that is not a list
 * of port numbers is a configuration error: the run fails with PLUGIN_SETTINGS_INVALID naming the
 * setting, rather than silently classifying with the wrong list.
 */
import { AppError } from '../../../src-main/common/errors';
import type { OOI } from '../../../src-main/graph/model';
import { katFinding } from '../../../src-main/bits/helpers';
import type { BitFn } from '../../../src-main/bits/types';

type Kind = 'KAT-OPEN-SYSADMIN-PORT' | 'KAT-OPEN-DATABASE-PORT' | 'KAT-REMOTE-DESKTOP-PORT' | 'KAT-UNCOMMON-OPEN-PORT';

/** The risk lists in the order their findings are reported, with what they hold. */
const RISK_LISTS: readonly { setting: string; kind: Kind; what: string }[] = [
  { setting: 'sysadmin_ports', kind: 'KAT-OPEN-SYSADMIN-PORT', what: 'remote administration' },
  { setting: 'database_ports', kind: 'KAT-OPEN-DATABASE-PORT', what: 'a database' },
  { setting: 'remote_desktop_ports', kind: 'KAT-REMOTE-DESKTOP-PORT', what: 'remote desktop' },
];

function portList(config: Readonly<Record<string, unknown>>, setting: string): ReadonlySet<number> {
  const v = config[setting];
  if (v === undefined) return new Set();
  const ok = Array.isArray(v) && v.every((p) => Number.isInteger(p) && (p as number) >= 0 && (p as number) <= 65535);
  if (!ok) {
    throw new AppError('PLUGIN_SETTINGS_INVALID', `The setting ${setting} must be a list of port numbers (0 to 65535), not ${JSON.stringify(v)}`, { field: setting });
  }
  return new Set(v as number[]);
}

function isOpen(port: OOI): boolean {
  return port.data.state === undefined || port.data.state === null || port.data.state === 'open';
}

const label = (port: OOI) => `${String(port.data.port)}/${String(port.data.protocol)}`;

export const portClassificationIp: BitFn = ({ source, params, config }) => {
  const common: Record<string, ReadonlySet<number>> = { tcp: portList(config, 'common_tcp_ports'), udp: portList(config, 'common_udp_ports') };
  const lists = RISK_LISTS.map((l) => ({ ...l, ports: portList(config, l.setting) }));
  const aggregate = config.aggregate_findings === true;

  const hits = new Map<Kind, OOI[]>();
  const add = (kind: Kind, port: OOI) => hits.set(kind, [...(hits.get(kind) ?? []), port]);
  const ports = (params.ports ?? []).filter((p) => p.data.address === source.pk && isOpen(p));
  for (const port of [...ports].sort((a, b) => Number(a.data.port) - Number(b.data.port) || String(a.data.protocol).localeCompare(String(b.data.protocol)))) {
    const n = Number(port.data.port);
    const matched = lists.filter((l) => l.ports.has(n));
    for (const l of matched) add(l.kind, port);
    if (matched.length === 0 && !common[String(port.data.protocol)]?.has(n)) add('KAT-UNCOMMON-OPEN-PORT', port);
  }

  const out: OOI[] = [];
  for (const kind of [...RISK_LISTS.map((l) => l.kind), 'KAT-UNCOMMON-OPEN-PORT' as const]) {
    const found = hits.get(kind);
    if (!found) continue;
    const what = RISK_LISTS.find((l) => l.kind === kind)?.what;
    const describe = (subject: string) => (what ? `${subject} commonly used for ${what}.` : `${subject} not among the expected ports.`);
    if (aggregate) {
      const many = found.length > 1;
      out.push(katFinding(source.pk, kind, describe(`Open ${many ? 'ports' : 'port'} ${found.map(label).join(', ')} ${many ? 'are' : 'is'}`)));
    } else {
      for (const port of found) out.push(katFinding(port.pk, kind, describe(`Port ${label(port)} is open and`)));
    }
  }
  return out;
};
