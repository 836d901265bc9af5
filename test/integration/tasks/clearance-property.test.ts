/**
 * Scan safety as a property: over random graphs and random level changes, interleaved with
 * "scan now" on random objects and with the runner starting queued work at random moments, no task
 * is ever CREATED for an object below the boefje's level and no container is ever STARTED for one
 * (the recording runtime reads the object's level from the database at the moment of the start).
 * Seeded; the real core on PGlite.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Rng } from '../../../bench/prng';
import { testKat, type TestKat } from '../../helpers/kat';
import { RecordingRuntime } from './recording-runtime';

let kat: TestKat | undefined;
afterEach(async () => {
  await kat?.close();
  kat = undefined;
});

const BOEFJES = { 'dns-records': 1, nmap: 2, 'ssl-certificates': 2, 'webpage-analysis': 2 } as const;
const host = (i: number) => `Hostname|internet|h${i}.example.test`;
const ip = (i: number) => `IPAddressV4|internet|127.0.0.${i + 1}`;

function randomObservation(rng: Rng, h: string) {
  const a = ip(rng.int(0, 5));
  const last = a.split('.').pop()!;
  const port = `IPPort|internet|127.0.0.${last}|tcp|443`;
  const svc = `IPService|internet|127.0.0.${last}|tcp|443|https`;
  const name = h.split('|').pop()!;
  return rng.pick([
    [{ type: 'ResolvedHostname', data: { hostname: h, address: a } }],
    [{ type: 'DNSARecord', data: { hostname: h, address: a, value: `127.0.0.${last}` } }],
    [{ type: 'IPPort', data: { address: a, protocol: 'tcp', port: 443 } }],
    [
      { type: 'IPService', data: { ip_port: port, service: 'Service|https' } },
      { type: 'Website', data: { ip_service: svc, hostname: h } },
      { type: 'HostnameHTTPURL', data: { network: 'Network|internet', scheme: 'https', netloc: h, port: 443, path: '/' } },
    ],
    [{ type: 'Hostname', data: { network: 'Network|internet', name, registered_domain: host(0) } }],
  ]);
}

describe('scan safety: no boefje runs on an object below its level (property)', () => {
  it.each([11, 12, 13, 14])('seed %i: 60 random steps', async (seed) => {
    const rng = new Rng(seed * 104729);
    const runtime = new RecordingRuntime(() => kat!.db);
    kat = await testKat({ engine: runtime, runner: { start: false, concurrency: 3 } });
    const k = kat;
    await k.api('orgs.clearance.acknowledge', { org: 'acme', maxLevel: 4, acknowledgedBy: 'property test' });
    for (const id of Object.keys(BOEFJES)) await k.api('plugins.enable', { org: 'acme', id, enabled: true });
    for (let i = 0; i < 4; i++) await k.api('objects.declare', { org: 'acme', pk: host(i) });
    let created = 0;
    let started = false;
    for (let step = 0; step < 60; step++) {
      const pks = (await k.db.query<{ pk: string }>(`SELECT pk FROM objects WHERE org = 'acme' ORDER BY pk`)).rows.map((r) => r.pk);
      const op = rng.pick(['observe', 'observe', 'level', 'level', 'level', 'reset', 'scan', 'scan', 'scan', 'delete', 'start'] as const);
      if (op === 'observe') {
        const hosts = pks.filter((p) => p.startsWith('Hostname|'));
        if (hosts.length) {
          const h = rng.pick(hosts);
          await k.api('origins.save', { org: 'acme', kind: 'observation', method: `m${rng.int(0, 2)}`, source: h, results: randomObservation(rng, h) });
        }
      } else if (op === 'level' && pks.length) {
        await k.api('levels.declare', { org: 'acme', pks: [...new Set([rng.pick(pks), rng.pick(pks)])], level: rng.int(0, 4) });
      } else if (op === 'reset' && pks.length) {
        await k.api('levels.reset', { org: 'acme', pks: [rng.pick(pks)] });
      } else if (op === 'delete' && pks.length > 3) {
        await k.api('objects.delete', { org: 'acme', pk: rng.pick(pks.filter((p) => p !== 'Network|internet')) });
      } else if (op === 'scan' && pks.length) {
        const chosen = [...new Set(Array.from({ length: rng.int(2, 8) }, () => rng.pick(pks)))];
        const { queued } = await k.api('scans.now', { org: 'acme', pks: chosen });
        const levels = new Map((await k.api('levels.list', { org: 'acme', pks: chosen })).map((p) => [p.pk, p.level]));
        for (const t of queued) {
          // property 1: a task is only created at or above the boefje's level
          expect(levels.get(t.inputPk!), `seed ${seed} step ${step}: ${t.pluginId} queued on ${t.inputPk}`).toBeGreaterThanOrEqual(BOEFJES[t.pluginId as keyof typeof BOEFJES]);
        }
        created += queued.length;
      } else if (op === 'start' && !started) {
        started = true;
        await k.runner.start();
      }
      if (started && rng.chance(0.5)) await k.runner.idle();
    }
    await k.runner.start();
    await k.runner.idle();
    // property 2: every container start saw a level at or above the boefje's level
    for (const r of runtime.runs) {
      expect(r.levelAtStart, `seed ${seed}: ${r.pluginId} started on ${r.pk}`).toBeGreaterThanOrEqual(BOEFJES[r.pluginId as keyof typeof BOEFJES]);
    }
    // the runs were not trivial, and every task ended
    expect(created).toBeGreaterThanOrEqual(3);
    expect(runtime.runs.length).toBeGreaterThan(0);
    const counts = (await k.api('tasks.list', { org: 'acme' })).counts;
    expect(counts.queued + counts.running).toBe(0);
  });
});
