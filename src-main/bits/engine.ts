/**
 * The bit engine: runs inference rules (bits, see types.ts) and saves what they infer as inference
 * origins, so results that are no longer inferred disappear through the same deletion propagation
 * as everything else.
 *
 * When a bit runs on a source:
 * - after every committed graph change (objects.changed): on changed sources of its consumed type,
 *   and on the sources whose parameters reach a changed object (found through the inverse of each
 *   parameter path, and for deleted parameter objects through the origins that listed them);
 * - when the level of a source changes (levels.changed) and the bit has a minimum level;
 * - when a Config for the bit changes, or the bit is enabled or disabled (all its sources);
 * - on demand over the whole organisation (runAll).
 *
 * Work is set-based per bit: sources, levels, every parameter (one query per path, with the
 * objects' data) and configs are loaded in a few statements, the pure functions run in memory, and
 * only results that differ from the stored ones (a hash on the origin) are written, in one batch.
 * A bit that throws fails only its own run on that source, recorded in bit_failures.
 *
 * The engine runs inside the outbox's dispatch (as a listener), so it writes without dispatching;
 * the dispatch loop picks up the events its writes produce, and inference settles to a fixed point
 * before the call that caused it returns.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../common/clock';
import { AppError, isAppError } from '../common/errors';
import type { Logger } from '../common/logger';
import type { Database } from '../db/database';
import type { KatEvent } from '../api/types';
import { concreteSubtypes, normalizeObject, typeOfPk, type OOI } from '../graph/model';
import type { GraphService } from '../core/graph-service';
import type { PluginCatalogue } from '../plugins/catalogue';
import { withDefaults, type JsonSchema } from '../plugins/json-schema';
import type { BitManifest } from '../plugins/manifest';
import { canonicalJson } from '../origins/sql-util';
import { originId, type OriginWrite } from '../origins/types';
import { compileBitPath, followPath, type BitPath } from './paths';
import { bitFor } from './registry';
import { runBit } from './run';
import type { BitFn } from './types';

export interface BitEngineDeps {
  db: Database;
  graph: GraphService;
  plugins: PluginCatalogue;
  clock: Clock;
  log: Logger;
  /** catalogue metadata for a finding type (name, description, risk ...), written as an affirmation */
  findingTypeMetadata?: (findingTypePk: string) => Record<string, unknown> | null;
  /** the bits' functions (default: src-main/bits/registry.ts) */
  code?: (id: string) => BitFn | undefined;
}

export interface BitRunStats {
  bits: number;
  /** (bit, source) pairs evaluated */
  sources: number;
  /** origins written because the result changed */
  changed: number;
  failed: number;
  ms: number;
}

interface CompiledBit {
  m: BitManifest;
  consumes: ReadonlySet<string>;
  params: { name: string; path: BitPath }[];
  config: { path: BitPath; defaults: Record<string, unknown> } | null;
}

/** Origins written per transaction during big runs. */
const WRITE_BATCH = 2_000;
/** Sources loaded and evaluated at a time during big runs. */
const SOURCE_BATCH = 5_000;
export const AFFIRMATION_METHOD = 'finding-type-catalogue';

const FINDING_TYPES = new Set(concreteSubtypes('FindingType'));

export class BitEngine {
  private chain: Promise<unknown> = Promise.resolve();
  private compiled = new Map<string, CompiledBit>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private failingKeys: Set<string> | undefined;
  private configuredBits = new Map<string, Set<string>>();

  constructor(private readonly d: BitEngineDeps) {}

  /** The outbox listener. */
  readonly onEvent = async (e: KatEvent): Promise<void> => {
    if (e.topic === 'objects.changed') await this.exclusive(() => this.afterChange(e.org, e.created, e.updated, e.deleted, e.rerun ?? []));
    else if (e.topic === 'levels.changed') await this.exclusive(() => this.afterLevels(e.org, e.truncated ? null : e.pks));
    else if (e.topic === 'plugins.changed') {
      const p = this.d.plugins.find(e.pluginId);
      if (p?.kind === 'bit' && (e.change === 'enabled' || e.change === 'disabled')) await this.exclusive(() => this.runBits(e.org, new Map([[e.pluginId, null]])));
    }
  };

  /** Runs every bit (or the given ones) over every source in the organisation. */
  async runAll(org: string, bitIds?: readonly string[]): Promise<BitRunStats> {
    return this.exclusive(async () => {
      const ids = bitIds ?? this.bitManifests().map((m) => m.id);
      for (const id of ids) {
        const m = this.d.plugins.manifestOf(id);
        if (m.kind !== 'bit') throw new AppError('BAD_REQUEST', `"${id}" is a ${m.kind}, not a bit`, { field: 'bitIds', id });
      }
      const started = this.d.clock.now();
      const run = await this.d.db.query<{ id: string }>(`INSERT INTO bit_full_runs (org, bits, started_at) VALUES ($1, $2, $3) RETURNING id::text`, [
        org,
        [...ids],
        started.toISOString(),
      ]);
      const t0 = performance.now();
      await this.affirmAll(org);
      const stats = await this.runBits(org, new Map(ids.map((id) => [id, null])));
      stats.ms = performance.now() - t0;
      await this.d.db.query(`UPDATE bit_full_runs SET finished_at = $2, sources = $3, changed = $4, failed = $5 WHERE id = $1::bigint`, [
        run.rows[0]!.id,
        this.d.clock.now().toISOString(),
        stats.sources,
        stats.changed,
        stats.failed,
      ]);
      return stats;
    });
  }

  /**
   * Re-runs the bits whose result depends on time (manifest rerun_hours) where their last full run
   * is older than that, in every organisation. Called by the engine's timer (start()) and by tests
   * on a fake clock. Returns the organisations it ran in.
   */
  async tick(): Promise<string[]> {
    const timed = this.bitManifests().filter((m) => m.rerun_hours !== undefined);
    const ran: string[] = [];
    if (timed.length === 0) return ran;
    const orgs = await this.d.db.query<{ code: string }>(`SELECT code FROM organisations ORDER BY code`);
    const now = this.d.clock.now().getTime();
    for (const { code } of orgs.rows) {
      const due: string[] = [];
      for (const m of timed) {
        const last = await this.d.db.query<{ at: Date | null }>(`SELECT max(started_at) AS at FROM bit_full_runs WHERE org = $1 AND $2 = ANY(bits)`, [code, m.id]);
        const at = last.rows[0]?.at ? new Date(last.rows[0].at).getTime() : null;
        if (at === null || now - at >= m.rerun_hours! * 3_600_000) due.push(m.id);
      }
      if (due.length === 0) continue;
      await this.runAll(code, due);
      ran.push(code);
    }
    return ran;
  }

  /** Checks every 10 minutes (real time) whether time-dependent bits are due. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick().catch((e: unknown) => this.d.log.error('bit tick failed', { error: String(e) })), 10 * 60_000);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.chain.then(work);
    this.chain = run.catch(() => undefined);
    return run;
  }

  private bitManifests(): BitManifest[] {
    const out: BitManifest[] = [];
    for (const p of this.d.plugins.all()) if (p.kind === 'bit' && p.manifest?.kind === 'bit') out.push(p.manifest);
    return out;
  }

  private compile(m: BitManifest): CompiledBit {
    const hit = this.compiled.get(m.id);
    if (hit && hit.m === m) return hit;
    const c: CompiledBit = {
      m,
      consumes: new Set(concreteSubtypes(m.consumes)),
      params: m.parameters.map((p) => ({ name: p.name, path: compileBitPath(p.path) })),
      config: m.config ? { path: compileBitPath(m.config.path), defaults: (withDefaults(m.config.schema as JsonSchema, {}) ?? {}) as Record<string, unknown> } : null,
    };
    this.compiled.set(m.id, c);
    return c;
  }

  // ---------------------------------------------------------------- what to run

  private async afterChange(org: string, created: string[], updated: string[], deleted: string[], rerun: string[]): Promise<void> {
    if (created.length + updated.length + deleted.length + rerun.length === 0) return;
    const newTypes = created.filter((pk) => FINDING_TYPES.has(typeOfPk(pk)));
    if (newTypes.length) await this.affirm(org, newTypes);

    const changed = [...created, ...updated];
    const deletedSet = new Set(deleted);
    const wanted = new Map<string, Set<string>>();
    const want = (bit: string, source: string): void => {
      if (deletedSet.has(source)) return;
      let s = wanted.get(bit);
      if (!s) wanted.set(bit, (s = new Set()));
      s.add(source);
    };
    const full = new Set<string>();
    const byType = new Map<string, string[]>();
    for (const pk of changed) {
      const t = typeOfPk(pk);
      let list = byType.get(t);
      if (!list) byType.set(t, (list = []));
      list.push(pk);
    }
    // Config objects: the bit named in the key runs everywhere (Config|<ooi key>|<bit id>)
    for (const pk of [...changed, ...deleted]) {
      if (typeOfPk(pk) === 'Config') full.add(pk.slice(pk.lastIndexOf('|') + 1));
    }
    if (full.size) this.configuredBits.delete(org);
    const enabled = await this.enabledBits(org);
    // Inverse paths: the same chain of steps (many bits read the DNS records of a hostname) runs
    // once per event, from every changed object of a type it starts at.
    const inverse = new Map<string, { plan: BitPath['plan']; from: Set<string>; bits: Set<string> }>();
    for (const c of enabled) {
      if (full.has(c.m.id)) continue;
      for (const [t, pks] of byType) if (c.consumes.has(t)) for (const pk of pks) want(c.m.id, pk);
      for (const p of c.params) {
        for (const inv of p.path.inverses) {
          const from = [...byType].filter(([t]) => inv.types.has(t));
          if (from.length === 0) continue;
          const key = JSON.stringify(inv.plan.steps);
          let e = inverse.get(key);
          if (!e) inverse.set(key, (e = { plan: inv.plan, from: new Set(), bits: new Set() }));
          for (const [, pks] of from) for (const pk of pks) e.from.add(pk);
          e.bits.add(c.m.id);
        }
      }
    }
    for (const e of inverse.values()) {
      const from = [...e.from];
      const plan = { ...e.plan, start: [...new Set(from.map(typeOfPk))] };
      for (const r of await followPath(this.d.db, org, plan, from)) for (const bit of e.bits) want(bit, r.object.pk);
    }
    // inference origins that listed a changed or deleted object as a parameter, or lost one
    const origins = new Set(rerun);
    if (changed.length) {
      const res = await this.d.db.query<{ origin: string }>(`SELECT DISTINCT origin FROM origin_parameters WHERE org = $1 AND pk = ANY($2::text[])`, [
        org,
        changed,
      ]);
      for (const r of res.rows) origins.add(r.origin);
    }
    for (const id of origins) {
      const parsed = parseInferenceOrigin(id);
      if (parsed) want(parsed.bit, parsed.source);
    }
    const enabledIds = new Set(enabled.map((c) => c.m.id));
    const work = new Map<string, ReadonlySet<string> | null>();
    for (const id of full) if (this.d.plugins.find(id)?.kind === 'bit') work.set(id, null);
    for (const [bit, sources] of wanted) if (!work.has(bit) && this.d.plugins.find(bit)) work.set(bit, sources);
    if (work.size) await this.runBits(org, work, enabledIds);
  }

  private async afterLevels(org: string, pks: string[] | null): Promise<void> {
    const enabled = await this.enabledBits(org);
    const gated = enabled.filter((c) => c.m.scan_level > 0);
    const work = new Map<string, ReadonlySet<string> | null>();
    for (const c of gated) {
      if (pks === null) work.set(c.m.id, null);
      else {
        const sources = pks.filter((pk) => c.consumes.has(typeOfPk(pk)));
        if (sources.length) work.set(c.m.id, new Set(sources));
      }
    }
    if (work.size) await this.runBits(org, work, new Set(enabled.map((c) => c.m.id)));
  }

  private async enabledBits(org: string): Promise<CompiledBit[]> {
    const on = await this.d.plugins.enabledPlugins(org, 'bit');
    return on.filter((m): m is BitManifest => m.kind === 'bit').map((m) => this.compile(m));
  }

  // ---------------------------------------------------------------- running

  /**
   * Runs bits on sources (per bit: a set of sources, or null for all of its sources), writing what
   * changed. Bits that consume the same type run together: one load of the sources with their
   * levels, one query per distinct parameter path, one hash lookup and one write for the group.
   */
  private async runBits(org: string, work: ReadonlyMap<string, ReadonlySet<string> | null>, enabledIds?: ReadonlySet<string>): Promise<BitRunStats> {
    const stats: BitRunStats = { bits: 0, sources: 0, changed: 0, failed: 0, ms: 0 };
    const t0 = performance.now();
    const enabled = enabledIds ?? new Set((await this.d.plugins.enabledPlugins(org, 'bit')).map((m) => m.id));
    const groups = new Map<string, { bits: CompiledBit[]; sets: Map<string, ReadonlySet<string> | null> }>();
    for (const [id, sources] of work) {
      const p = this.d.plugins.find(id);
      if (!p?.manifest || p.manifest.kind !== 'bit') continue;
      const c = this.compile(p.manifest);
      stats.bits++;
      if (!enabled.has(id)) {
        // a disabled bit infers nothing: clear what it inferred before
        stats.changed += await this.clear(org, c, sources ? [...sources] : null);
        continue;
      }
      if (sources && sources.size === 0) continue;
      let g = groups.get(c.m.consumes);
      if (!g) groups.set(c.m.consumes, (g = { bits: [], sets: new Map() }));
      g.bits.push(c);
      g.sets.set(id, sources);
    }
    for (const g of groups.values()) {
      const all = [...g.sets.values()].some((s) => s === null);
      if (all) {
        const r = await this.runGroup(org, g.bits, g.sets, null);
        stats.sources += r.sources;
        stats.changed += r.changed;
        stats.failed += r.failed;
        continue;
      }
      const union = [...new Set([...g.sets.values()].flatMap((s) => [...s!]))];
      for (let i = 0; i < union.length; i += SOURCE_BATCH) {
        const r = await this.runGroup(org, g.bits, g.sets, union.slice(i, i + SOURCE_BATCH));
        stats.sources += r.sources;
        stats.changed += r.changed;
        stats.failed += r.failed;
      }
    }
    stats.ms = performance.now() - t0;
    return stats;
  }

  private async runGroup(
    org: string,
    bits: CompiledBit[],
    sets: ReadonlyMap<string, ReadonlySet<string> | null>,
    sourcePks: string[] | null,
  ): Promise<{ sources: number; changed: number; failed: number }> {
    const db = this.d.db;
    const consumes = [...bits[0]!.consumes];
    const src = sourcePks
      ? await db.query<{ pk: string; type: string; data: Record<string, unknown>; level: number | null }>(
          `WITH s AS MATERIALIZED (SELECT DISTINCT unnest($2::text[]) AS pk)
           SELECT o.pk, o.type, o.data, p.level FROM s JOIN objects o ON o.org = $1 AND o.pk = s.pk
             LEFT JOIN scan_profiles p ON p.org = o.org AND p.pk = o.pk
            WHERE o.type = ANY($3::text[])`,
          [org, sourcePks, consumes],
        )
      : await db.query<{ pk: string; type: string; data: Record<string, unknown>; level: number | null }>(
          `SELECT o.pk, o.type, o.data, p.level FROM objects o LEFT JOIN scan_profiles p ON p.org = o.org AND p.pk = o.pk
            WHERE o.org = $1 AND o.type = ANY($2::text[])`,
          [org, consumes],
        );
    const now = this.d.clock.now();
    // per bit: the sources it runs on (in its set) and those at its level
    const rowsOf = new Map<string, typeof src.rows>();
    const live = new Map<string, string[]>();
    for (const c of bits) {
      const set = sets.get(c.m.id) ?? null;
      const rows = set ? src.rows.filter((r) => set.has(r.pk)) : src.rows;
      rowsOf.set(c.m.id, rows);
      live.set(c.m.id, rows.filter((r) => (r.level ?? 0) >= c.m.scan_level).map((r) => r.pk));
    }
    // one query per distinct parameter path, for the sources of every bit that uses it
    const byPath = new Map<string, { plan: BitPath['plan']; sources: Set<string> }>();
    for (const c of bits) {
      for (const p of c.params) {
        let e = byPath.get(p.path.text);
        if (!e) byPath.set(p.path.text, (e = { plan: p.path.plan, sources: new Set() }));
        for (const pk of live.get(c.m.id)!) e.sources.add(pk);
      }
    }
    const reached = new Map<string, Map<string, OOI[]>>();
    for (const [text, e] of byPath) {
      const byPk = new Map<string, OOI[]>();
      if (e.sources.size > 0) {
        // a full run asks for every source at once (no list to ship); filtered here
        const rows = await followPath(db, org, e.plan, sourcePks === null && e.sources.size === src.rows.length ? null : [...e.sources]);
        for (const r of rows) {
          if (!e.sources.has(r.source)) continue;
          let l = byPk.get(r.source);
          if (!l) byPk.set(r.source, (l = []));
          l.push(r.object);
        }
        for (const l of byPk.values()) l.sort((a, b) => (a.pk < b.pk ? -1 : a.pk > b.pk ? 1 : 0));
      }
      reached.set(text, byPk);
    }
    const writes: OriginWrite[] = [];
    const hashes = new Map<string, string>();
    let failed = 0;
    let evaluated = 0;
    for (const c of bits) {
      const configs = c.config ? await this.configsFor(org, c, live.get(c.m.id)!) : null;
      const failures: { source: string; error: unknown }[] = [];
      const succeeded: string[] = [];
      const fn = (this.d.code ?? bitFor)(c.m.id);
      for (const row of rowsOf.get(c.m.id)!) {
        evaluated++;
        const id = originId('inference', c.m.id, row.pk);
        if ((row.level ?? 0) < c.m.scan_level) {
          writes.push({ kind: 'inference', method: c.m.id, source: row.pk, results: [], parameters: [], validTime: now, outputHash: EMPTY_HASH });
          hashes.set(id, EMPTY_HASH);
          continue;
        }
        const input: Record<string, OOI[]> = {};
        const paramPks: string[] = [];
        for (const p of c.params) {
          const list = reached.get(p.path.text)!.get(row.pk) ?? [];
          input[p.name] = list;
          for (const o of list) paramPks.push(o.pk);
        }
        const config = c.config ? { ...c.config.defaults, ...(configs!.get(row.pk) ?? {}) } : {};
        let results: OOI[];
        try {
          results = runBit(c.m, { source: { type: row.type, pk: row.pk, data: row.data }, params: input, config, now }, fn);
        } catch (e) {
          failures.push({ source: row.pk, error: isAppError(e) ? e.toJSON() : { code: 'BIT_FAILED', message: String(e) } });
          continue;
        }
        succeeded.push(row.pk);
        const hash = outputHash(results, paramPks);
        hashes.set(id, hash);
        writes.push({ kind: 'inference', method: c.m.id, source: row.pk, results, parameters: [...new Set(paramPks)], validTime: now, outputHash: hash });
      }
      await this.recordFailures(org, c.m.id, failures, succeeded, now);
      for (const f of failures) this.d.log.warn('bit failed', { org, bit: c.m.id, source: f.source, error: (f.error as { message?: string }).message });
      failed += failures.length;
    }
    const changed = await this.writeChanged(org, writes, hashes, sourcePks === null ? bits.map((c) => c.m.id) : null);
    return { sources: evaluated, changed, failed };
  }

  /** Writes the origins whose hash differs from the stored one; an empty result with no stored origin is skipped. */
  private async writeChanged(org: string, writes: OriginWrite[], hashes: Map<string, string>, allOf: string[] | null): Promise<number> {
    if (writes.length === 0) return 0;
    const ids = [...hashes.keys()];
    const stored = new Map<string, string | null>();
    if (allOf) {
      // a full run: every inference origin of these bits at once
      const res = await this.d.db.query<{ id: string; output_hash: string | null }>(
        `SELECT id, output_hash FROM origins WHERE org = $1 AND kind = 'inference' AND method = ANY($2::text[])`,
        [org, allOf],
      );
      for (const r of res.rows) stored.set(r.id, r.output_hash);
    }
    for (let i = 0; !allOf && i < ids.length; i += 10_000) {
      const res = await this.d.db.query<{ id: string; output_hash: string | null }>(
        `WITH w AS MATERIALIZED (SELECT unnest($2::text[]) AS id) SELECT o.id, o.output_hash FROM w JOIN origins o ON o.org = $1 AND o.id = w.id`,
        [org, ids.slice(i, i + 10_000)],
      );
      for (const r of res.rows) stored.set(r.id, r.output_hash);
    }
    const todo = writes.filter((w) => {
      const id = originId('inference', w.method, w.source);
      const old = stored.get(id);
      if (old === undefined) return w.results.length > 0;
      return old !== hashes.get(id);
    });
    for (let i = 0; i < todo.length; i += WRITE_BATCH) {
      const part = todo.slice(i, i + WRITE_BATCH);
      try {
        await this.d.graph.saveOrigins(org, part, { dispatch: false });
      } catch (e) {
        if (part.length === 1) {
          this.d.log.warn('bit result rejected', { org, origin: originId('inference', part[0]!.method, part[0]!.source), error: e instanceof Error ? e.message : String(e) });
          await this.recordFailures(org, part[0]!.method, [{ source: part[0]!.source, error: isAppError(e) ? e.toJSON() : { message: String(e) } }], [], this.d.clock.now());
          continue;
        }
        // one bad result must not stop the others: write them one by one to find it
        for (const w of part) {
          try {
            await this.d.graph.saveOrigins(org, [w], { dispatch: false });
          } catch (e2) {
            await this.recordFailures(org, w.method, [{ source: w.source, error: isAppError(e2) ? e2.toJSON() : { message: String(e2) } }], [], this.d.clock.now());
          }
        }
      }
    }
    return todo.length;
  }

  /** Empties every inference origin of the bit (a disabled bit infers nothing). */
  private async clear(org: string, c: CompiledBit, sources: readonly string[] | null): Promise<number> {
    const res = await this.d.db.query<{ source: string }>(
      `SELECT source FROM origins WHERE org = $1 AND kind = 'inference' AND method = $2 AND output_hash IS DISTINCT FROM $3` +
        (sources ? ` AND source = ANY($4::text[])` : ''),
      sources ? [org, c.m.id, EMPTY_HASH, sources] : [org, c.m.id, EMPTY_HASH],
    );
    const writes = res.rows.map<OriginWrite>((r) => ({ kind: 'inference', method: c.m.id, source: r.source, results: [], parameters: [], outputHash: EMPTY_HASH }));
    for (let i = 0; i < writes.length; i += WRITE_BATCH) await this.d.graph.saveOrigins(org, writes.slice(i, i + WRITE_BATCH), { dispatch: false });
    await this.d.db.query(`DELETE FROM bit_failures WHERE org = $1 AND bit_id = $2`, [org, c.m.id]);
    return writes.length;
  }

  /** Per source: the config of the newest Config for this bit on the object the config path reaches. */
  private async configsFor(org: string, c: CompiledBit, sources: string[]): Promise<Map<string, Record<string, unknown>>> {
    const out = new Map<string, Record<string, unknown>>();
    if (sources.length === 0) return out;
    // almost always there is no Config for the bit at all: then the path need not be followed
    if (!(await this.configured(org)).has(c.m.id)) return out;
    const holders = await followPath(this.d.db, org, c.config!.path.plan, sources);
    if (holders.length === 0) return out;
    const res = await this.d.db.query<{ ooi: string; config: unknown }>(
      `SELECT data->>'ooi' AS ooi, data->'config' AS config FROM objects
        WHERE org = $1 AND type = 'Config' AND data->>'bit_id' = $2 AND data->>'ooi' = ANY($3::text[]) ORDER BY valid_from`,
      [org, c.m.id, [...new Set(holders.map((h) => h.object.pk))]],
    );
    const byHolder = new Map<string, Record<string, unknown>>();
    for (const r of res.rows) if (r.config && typeof r.config === 'object' && !Array.isArray(r.config)) byHolder.set(r.ooi, r.config as Record<string, unknown>);
    for (const h of holders) {
      const cfg = byHolder.get(h.object.pk);
      if (cfg && !out.has(h.source)) out.set(h.source, cfg);
    }
    return out;
  }

  private async recordFailures(org: string, bit: string, failures: { source: string; error: unknown }[], succeeded: string[], at: Date): Promise<void> {
    const known = await this.failing();
    const key = `${org}\u0000${bit}`;
    if (failures.length) known.add(key);
    if (succeeded.length && known.has(key)) await this.d.db.query(`DELETE FROM bit_failures WHERE org = $1 AND bit_id = $2 AND source = ANY($3::text[])`, [org, bit, succeeded]);
    if (failures.length === 0) return;
    await this.d.db.query(
      `INSERT INTO bit_failures (org, bit_id, source, error, failed_at)
       SELECT $1, $2, u.source, u.error::jsonb, $5::timestamptz FROM unnest($3::text[], $4::text[]) AS u(source, error)
       ON CONFLICT (org, bit_id, source) DO UPDATE SET error = EXCLUDED.error, failed_at = EXCLUDED.failed_at`,
      [org, bit, failures.map((f) => f.source), failures.map((f) => JSON.stringify(f.error)), at.toISOString()],
    );
  }

  /** The bits that have at least one Config in the organisation (kept up to date from objects.changed). */
  private async configured(org: string): Promise<Set<string>> {
    let s = this.configuredBits.get(org);
    if (!s) {
      const res = await this.d.db.query<{ bit: string }>(`SELECT DISTINCT data->>'bit_id' AS bit FROM objects WHERE org = $1 AND type = 'Config'`, [org]);
      s = new Set(res.rows.map((r) => r.bit));
      this.configuredBits.set(org, s);
    }
    return s;
  }

  /** (org, bit) pairs that have recorded failures: only those need clearing after a success. */
  private async failing(): Promise<Set<string>> {
    if (!this.failingKeys) {
      const res = await this.d.db.query<{ org: string; bit_id: string }>(`SELECT DISTINCT org, bit_id FROM bit_failures`);
      this.failingKeys = new Set(res.rows.map((r) => `${r.org}\u0000${r.bit_id}`));
    }
    return this.failingKeys;
  }

  // ---------------------------------------------------------------- finding-type affirmations

  /** Adds the catalogue's metadata to finding types, as affirmations (they never keep an object alive). */
  private async affirm(org: string, pks: string[]): Promise<void> {
    const meta = this.d.findingTypeMetadata;
    if (!meta || pks.length === 0) return;
    const res = await this.d.db.query<{ pk: string; type: string; data: Record<string, unknown> }>(
      `SELECT pk, type, data FROM objects WHERE org = $1 AND pk = ANY($2::text[])`,
      [org, pks],
    );
    const writes: OriginWrite[] = [];
    for (const r of res.rows) {
      const m = meta(r.pk);
      if (!m) continue;
      let ooi: OOI;
      try {
        ooi = normalizeObject(r.type, m);
      } catch (e) {
        this.d.log.warn('finding-type catalogue entry rejected', { pk: r.pk, error: e instanceof Error ? e.message : String(e) });
        continue;
      }
      if (ooi.pk !== r.pk) continue;
      if (canonicalJson({ ...r.data, ...ooi.data }) === canonicalJson(r.data)) continue;
      writes.push({ kind: 'affirmation', method: AFFIRMATION_METHOD, source: r.pk, results: [ooi] });
    }
    for (let i = 0; i < writes.length; i += WRITE_BATCH) await this.d.graph.saveOrigins(org, writes.slice(i, i + WRITE_BATCH), { dispatch: false });
  }

  private async affirmAll(org: string): Promise<void> {
    const res = await this.d.db.query<{ pk: string }>(`SELECT pk FROM objects WHERE org = $1 AND type = ANY($2::text[])`, [org, [...FINDING_TYPES]]);
    for (let i = 0; i < res.rows.length; i += SOURCE_BATCH) await this.affirm(org, res.rows.slice(i, i + SOURCE_BATCH).map((r) => r.pk));
  }
}

const EMPTY_HASH = 'empty';

function outputHash(results: OOI[], params: string[]): string {
  if (results.length === 0 && params.length === 0) return EMPTY_HASH;
  const h = createHash('sha1');
  for (const r of [...results].sort((a, b) => (a.pk < b.pk ? -1 : 1))) h.update(r.pk).update('\u0000').update(canonicalJson(r.data)).update('\u0001');
  h.update('\u0002');
  for (const p of [...new Set(params)].sort()) h.update(p).update('\u0000');
  return h.digest('hex');
}

/** `Origin|inference|<bit id>|<source pk>` -> its parts (bit ids never contain '|'). */
export function parseInferenceOrigin(id: string): { bit: string; source: string } | null {
  const prefix = 'Origin|inference|';
  if (!id.startsWith(prefix)) return null;
  const rest = id.slice(prefix.length);
  const bar = rest.indexOf('|');
  if (bar <= 0) return null;
  return { bit: rest.slice(0, bar), source: rest.slice(bar + 1) };
}
