/** The addresses in scope with their open ports, services and the hostnames that resolve to them (open-ports, systems). */
import type { OpenPortsIpDetail } from '../types';
import { rows, type BuildContext } from './common';

/** Addresses in scope, in address order (IPv4 before IPv6), each with its open ports by number. */
export async function ipsWithPorts(c: BuildContext): Promise<OpenPortsIpDetail[]> {
  const { s } = c;
  const res = await rows<{ pk: string; address: string; ports: { protocol: string; port: number; service: string | null }[] | null; names: string[] | null }>(
    s,
    `WITH ip AS (SELECT o.pk, o.data->>'address' AS address FROM ${s.objs} o WHERE o.type IN ('IPAddressV4', 'IPAddressV6') AND ${s.inScope('o.pk')}),
     port AS (SELECT p.pk, p.data->>'address' AS ip, p.data->>'protocol' AS protocol, (p.data->>'port')::int AS port
                FROM ${s.objs} p WHERE p.type = 'IPPort' AND coalesce(p.data->>'state', 'open') = 'open'),
     svc AS (SELECT x.data->>'ip_port' AS port, min(split_part(x.data->>'service', '|', 2)) AS name FROM ${s.objs} x WHERE x.type = 'IPService' GROUP BY 1),
     ports AS (SELECT port.ip, json_agg(json_build_object('protocol', port.protocol, 'port', port.port, 'service', svc.name) ORDER BY port.port, port.protocol) AS ports
                 FROM port LEFT JOIN svc ON svc.port = port.pk GROUP BY port.ip),
     -- a hostname's name is the last part of its key (Hostname|network|name): no lookup per record
     hn AS (SELECT r.data->>'address' AS ip, array_agg(DISTINCT split_part(r.data->>'hostname', '|', 3) ORDER BY split_part(r.data->>'hostname', '|', 3)) AS names
              FROM ${s.objs} r
             WHERE r.type IN ('ResolvedHostname', 'DNSARecord', 'DNSAAAARecord') GROUP BY 1)
     SELECT ip.pk, ip.address, ports.ports, hn.names
       FROM ip LEFT JOIN ports ON ports.ip = ip.pk LEFT JOIN hn ON hn.ip = ip.pk
      ORDER BY family(ip.address::inet), ip.address::inet, ip.pk`,
  );
  return res.map((r) => ({
    address: r.address,
    pk: r.pk,
    hostnames: r.names ?? [],
    ports: (r.ports ?? []).map((p) => ({ protocol: p.protocol, port: p.port, service: p.service ?? null })),
  }));
}
