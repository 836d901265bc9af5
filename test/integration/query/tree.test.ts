import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TreeNode } from '../../../src-main/api/types';
import type { Database } from '../../../src-main/db/database';
import { tree } from '../../../src-main/graph/query/tree';
import {
  A1, AAAA, CNAME, FINDING, FT, HOST, HTTPS, IP1, IP2, IP6, MAIL, NET, NS, P25, P443, P80, S443, S80, SITE, WWW,
} from '../../fixtures/graph/small';
import { ORG, openSmallGraph } from './graph-db';

let db: Database;
beforeAll(async () => {
  db = await openSmallGraph();
});
afterAll(() => db?.close());

const t = (pk: string, children: Record<string, TreeNode[]> = {}): TreeNode => ({ pk, type: pk.split('|')[0]!, children });

describe('tree', () => {
  it('depth 1: both directions, grouped by attribute and reverse name', async () => {
    expect(await tree(db, ORG, HOST, 1)).toEqual(
      t(HOST, {
        network: [t(NET)],
        cname_target_of: [t(CNAME)],
        dns_a_records: [t(A1)],
        dns_aaaa_records: [t(AAAA)],
        dns_ns_records: [t(NS)],
        findings: [t(FINDING)],
        websites: [t(SITE)],
      }),
    );
  });

  it('depth 2: does not walk back and does not expand non-traversable types', async () => {
    expect(await tree(db, ORG, HOST, 2)).toEqual(
      t(HOST, {
        network: [t(NET)], // Network is non-traversable: not expanded
        cname_target_of: [t(CNAME, { hostname: [t(WWW)] })], // target_hostname (the root) is not repeated
        dns_a_records: [t(A1, { address: [t(IP1)] })],
        dns_aaaa_records: [t(AAAA, { address: [t(IP6)] })],
        dns_ns_records: [t(NS, { name_server_hostname: [t(MAIL)] })],
        findings: [t(FINDING, { finding_type: [t(FT)] })],
        websites: [t(SITE, { ip_service: [t(S443)] })],
      }),
    );
  });

  it('expands a non-traversable root, and each node appears once', async () => {
    expect(await tree(db, ORG, NET, 2)).toEqual(
      t(NET, {
        hostnames: [
          t(HOST, {
            cname_target_of: [t(CNAME)],
            dns_a_records: [t(A1)],
            dns_aaaa_records: [t(AAAA)],
            dns_ns_records: [t(NS)],
            findings: [t(FINDING)],
            websites: [t(SITE)],
          }),
          t(MAIL, { dns_a_records: [t('DNSARecord|internet|mail.example.org|192.0.2.2')] }),
          t(WWW),
        ],
        ip_v4_addresses: [t(IP1, { ports: [t(P443), t(P80)] }), t(IP2, { ports: [t(P25)] })],
        ip_v6_addresses: [t(IP6)],
      }),
    );
  });

  it('stops at a Service (non-traversable) deeper in the tree', async () => {
    expect(await tree(db, ORG, P443, 3)).toEqual(
      t(P443, {
        address: [
          t(IP1, {
            network: [t(NET)],
            dns_a_records: [t(A1, { hostname: [t(HOST)] })],
            ports: [t(P80, { services: [t(S80)] })],
          }),
        ],
        // Service|https is shown but not expanded: no walk to other ports through the shared Service;
        // the Website's hostname was already placed under the A record on the same level
        services: [t(S443, { service: [t(HTTPS)], websites: [t(SITE)] })],
      }),
    );
  });

  it('filters by type, keeping the nodes that lead to a match', async () => {
    expect(await tree(db, ORG, HOST, 2, ['IPAddress'])).toEqual(
      t(HOST, { dns_a_records: [t(A1, { address: [t(IP1)] })], dns_aaaa_records: [t(AAAA, { address: [t(IP6)] })] }),
    );
    expect(await tree(db, ORG, HOST, 2, ['Service'])).toEqual(t(HOST));
  });

  it('returns null for a missing root', async () => {
    expect(await tree(db, ORG, 'Hostname|internet|nope.org', 2)).toBeNull();
    expect(await tree(db, 'other', HOST, 2)).toEqual(t(HOST));
  });
});
