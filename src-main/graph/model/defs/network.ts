/** Networks, addresses, blocks, ports and services. */
import { int, ipv4, ipv6, key, oneOf, ref, req, str, type TypeSpec } from './dsl.js';

export const PORT_STATES = ['open', 'closed', 'filtered', 'unfiltered', 'open|filtered', 'closed|filtered'] as const;

export const networkTypes: TypeSpec[] = [
  {
    name: 'Network',
    fields: [str('name', req)],
    key: key('name'),
    nonTraversable: true,
    description: 'A separate address space, such as the public internet or one internal LAN.',
  },
  {
    name: 'IPAddress',
    abstract: true,
    fields: [ref('network', 'Network', 'ip_addresses', [null, null], req)],
    key: key('network', 'address'),
    description: 'An IP address inside one network, either version 4 or version 6.',
  },
  {
    name: 'IPAddressV4',
    parent: 'IPAddress',
    fields: [ipv4('address', req), ref('netblock', 'IPV4NetBlock', 'ip_v4_addresses', [0, 4])],
    reverse: { network: 'ip_v4_addresses' },
    description: 'An IPv4 address in dotted-quad form.',
  },
  {
    name: 'IPAddressV6',
    parent: 'IPAddress',
    fields: [ipv6('address', req), ref('netblock', 'IPV6NetBlock', 'ip_v6_addresses', [0, 4])],
    reverse: { network: 'ip_v6_addresses' },
    description: 'An IPv6 address in compressed lowercase form.',
  },
  {
    name: 'AutonomousSystem',
    fields: [str('number', req), str('name')],
    key: key('number'),
    description: 'A routing domain identified by its AS number.',
  },
  {
    name: 'NetBlock',
    abstract: true,
    fields: [
      ref('network', 'Network', 'netblocks', [null, null], req),
      str('name'),
      str('description'),
      ref('announced_by', 'AutonomousSystem', 'announced_netblocks'),
    ],
    key: key('network', 'start_ip', 'mask'),
    description: 'A contiguous address range given by its first address and prefix length.',
  },
  {
    name: 'IPV4NetBlock',
    parent: 'NetBlock',
    fields: [
      ref('start_ip', 'IPAddressV4', 'netblock_starts', [4, null], req),
      int('mask', { required: true, min: 0, max: 32 }),
      ref('parent', 'IPV4NetBlock', 'child_netblocks'),
    ],
    reverse: { announced_by: 'announced_ipv4_netblocks' },
    description: 'An IPv4 range in CIDR form.',
  },
  {
    name: 'IPV6NetBlock',
    parent: 'NetBlock',
    fields: [
      ref('start_ip', 'IPAddressV6', 'netblock_starts', [4, null], req),
      int('mask', { required: true, min: 0, max: 128 }),
      ref('parent', 'IPV6NetBlock', 'child_netblocks'),
    ],
    reverse: { announced_by: 'announced_ipv6_netblocks' },
    description: 'An IPv6 range in CIDR form.',
  },
  {
    name: 'IPPort',
    fields: [
      ref('address', 'IPAddress', 'ports', [0, 4], req),
      oneOf('protocol', ['tcp', 'udp'], req),
      int('port', { required: true, min: 0, max: 65535 }),
      oneOf('state', PORT_STATES, { description: 'deprecated: an open port is simply present' }),
    ],
    key: key('address', 'protocol', 'port'),
    description: 'A TCP or UDP port seen on an address.',
  },
  {
    name: 'Service',
    fields: [str('name', req)],
    key: key('name'),
    nonTraversable: true,
    description: 'A protocol spoken on ports in general, such as https or ssh.',
  },
  {
    name: 'IPService',
    fields: [ref('ip_port', 'IPPort', 'services', [0, 4], req), ref('service', 'Service', 'ip_services', [1, 0], req)],
    key: key('ip_port', 'service'),
    description: 'The service found running on one particular port.',
  },
  {
    name: 'TLSCipher',
    fields: [ref('ip_service', 'IPService', 'tls_ciphers', [0, 4], req), { name: 'suites', kind: 'json', required: true }],
    key: key('ip_service'),
    description: 'The TLS protocol versions and cipher suites a service offers.',
  },
];
