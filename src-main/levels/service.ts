/**
 * Scan levels of every organisation: declaring and resetting levels, the organisation clearance,
 * and recalculation, incremental after every graph change (objects.changed events) and in full on
 * demand. All work on one organisation's levels is serialised; the database is the truth and the
 * in-memory state (state.ts) a cache of it.
 *
 * Never call outbox.dispatch() while holding the lock: dispatch runs this service's own listener.
 */
import { AppError } from '../common/errors';
import type { Clock } from '../common/clock';
import type { Logger } from '../common/logger';
import type { Database, Queryable } from '../db/database';
import type { KatEvent } from '../api/types';
import type { LevelChange, LevelDetail, OrgClearance, RecalculationResult, ScanProfile } from '../api/contracts/levels';
import { typeOfPk } from '../graph/model';
import { assertOrg } from '../core/orgs';
import { Outbox } from '../core/outbox';
import { flowingTypeAttrs } from './caps';
import { computeInherited } from './compute';
import { explainLevel } from './explain';
import * as repo from './repository';
import { buildGraph, declareIn, diffRegion, objectsChangedIn, resetIn, type OrgLevels } from './state';

type Reason = Extract<KatEvent, { topic: 'levels.changed' }>['reason'];
const EVENT_PKS = 10_000;
const FLOWING = flowingTypeAttrs();

/** What one change writes: declared rows set or removed, deleted objects, inherited diffs (0 = remove). */
interface Writes {
  declare?: { pks: string[]; level: number };
  undeclare?: string[];
  deleted?: string[];
  inherited: Map<string, number>;
}

export class LevelService {
  private readonly states = new Map<string, OrgLevels>();
  private lock: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
    private readonly log: Logger,
  ) {}

  /** Outbox listener: keeps levels in step with the graph. */
  readonly onEvent = async (e: KatEvent): Promise<void> => {
    if (e.topic === 'objects.changed') await this.exclusive(e.org, () => this.applyObjectChanges(e.org, e.created, e.updated, e.deleted));
    else if (e.topic === 'orgs.changed' && e.change === 'deleted') this.states.delete(e.org);
  };

  async get(org: string, pk: string): Promise<LevelDetail> {
    await assertOrg(this.db, org);
    if ((await repo.existingPks(this.db, org, [pk])).size === 0) throw new AppError('NOT_FOUND', `No object ${pk} in "${org}"`, { pk });
    return this.exclusive(org, async () => {
      const [p] = await repo.profilesOf(this.db, org, [pk]);
      const base = { ...p!, type: typeOfPk(pk) };
      if (p!.kind === 'empty') return { ...base, explanation: [] };
      if (p!.kind === 'declared') return { ...base, explanation: [{ pk, type: base.type, level: p!.level, kind: 'declared' as const }] };
      const st = await this.state(org);
      return { ...base, explanation: explainLevel(st.graph, st.declared, st.inherited, pk) };
    });
  }

  async list(org: string, pks: readonly string[]): Promise<ScanProfile[]> {
    await assertOrg(this.db, org);
    return pks.length === 0 ? [] : repo.profilesOf(this.db, org, pks);
  }

  async declare(org: string, pks: readonly string[], level: number): Promise<LevelChange> {
    await assertOrg(this.db, org);
    await this.checkClearance(org, level);
    const unique = [...new Set(pks)];
    const change = await this.exclusive(org, async () => {
      await this.requireObjects(org, unique);
      const { changed, inherited } = declareIn(await this.state(org), unique, level);
      return this.commit(org, 'declared', { declare: { pks: changed, level }, inherited }, changed);
    });
    await this.outbox.dispatch();
    return change;
  }

  async reset(org: string, pks: readonly string[]): Promise<LevelChange> {
    await assertOrg(this.db, org);
    const unique = [...new Set(pks)];
    const change = await this.exclusive(org, async () => {
      await this.requireObjects(org, unique);
      const { changed, inherited } = resetIn(await this.state(org), unique);
      return this.commit(org, 'reset', { undeclare: changed, inherited }, changed);
    });
    await this.outbox.dispatch();
    return change;
  }

  async recalculate(org: string): Promise<RecalculationResult> {
    await assertOrg(this.db, org);
    const r = await this.exclusive(org, () => this.fullRecalculation(org, 'recalculated'));
    await this.outbox.dispatch();
    return r;
  }

  async clearance(org: string): Promise<OrgClearance> {
    await assertOrg(this.db, org);
    const c = await repo.getClearance(this.db, org);
    return {
      org,
      maxLevel: c?.maxLevel ?? null,
      acknowledgedAt: c?.acknowledgedAt ?? null,
      acknowledgedBy: c?.acknowledgedBy ?? null,
      declaredAbove: await repo.countDeclaredAbove(this.db, org, c?.maxLevel ?? 0),
    };
  }

  async acknowledge(org: string, maxLevel: number, by: string): Promise<OrgClearance> {
    await assertOrg(this.db, org);
    await repo.setClearance(this.db, org, maxLevel, by, this.clock.now());
    this.log.info('clearance acknowledged', { org, maxLevel, by });
    return this.clearance(org);
  }

  // ---- internals ----

  /** Serialises level work. One lock for all organisations: simple, and the work is short. */
  private exclusive<T>(org: string, fn: () => Promise<T>): Promise<T> {
    const run = this.lock.then(async () => {
      try {
        return await fn();
      } catch (e) {
        this.states.delete(org); // the cache may have been patched ahead of the database
        throw e;
      }
    });
    this.lock = run.catch(() => undefined);
    return run;
  }

  private async checkClearance(org: string, level: number): Promise<void> {
    if (level === 0) return; // "do not scan" never needs an indemnification
    const c = await repo.getClearance(this.db, org);
    if (!c) {
      throw new AppError(
        'CLEARANCE_NOT_ACKNOWLEDGED',
        `No clearance has been acknowledged for "${org}" yet; acknowledge one (Settings > Clearance) before declaring levels above L0`,
        { org, level },
      );
    }
    if (level > c.maxLevel) {
      throw new AppError('LEVEL_ABOVE_CLEARANCE', `L${level} is above the clearance acknowledged for "${org}" (L${c.maxLevel}); acknowledge a higher one first`, {
        org,
        level,
        maxLevel: c.maxLevel,
      });
    }
  }

  private async requireObjects(org: string, pks: readonly string[]): Promise<void> {
    const exist = await repo.existingPks(this.db, org, pks);
    const missing = pks.filter((p) => !exist.has(p));
    if (missing.length > 0) {
      throw new AppError('NOT_FOUND', `${missing.length === 1 ? `No object ${missing[0]}` : `${missing.length} objects do not exist`} in "${org}"`, {
        org,
        missing: missing.slice(0, 20),
      });
    }
  }

  private async state(org: string): Promise<OrgLevels> {
    const st = this.states.get(org);
    if (st) return st;
    await this.fullRecalculation(org, 'recalculated');
    return this.states.get(org)!;
  }

  private async applyObjectChanges(org: string, created: string[], updated: string[], deleted: string[]): Promise<void> {
    const st = this.states.get(org);
    if (!st) {
      // Not loaded: with nothing declared every level is L0 and there is nothing to keep in step;
      // otherwise a full recalculation brings everything up to date, this change included.
      if (await repo.hasDeclared(this.db, org)) await this.fullRecalculation(org, 'objects');
      else if (deleted.length > 0) await repo.deleteProfiles(this.db, org, deleted);
      return;
    }
    const touched = [...created, ...updated];
    const inherited = objectsChangedIn(st, touched, deleted, await repo.loadRefsOf(this.db, org, touched));
    if (inherited.size === 0 && deleted.length === 0) return;
    await this.commit(org, 'objects', { deleted, inherited }, []);
  }

  private async fullRecalculation(org: string, reason: Reason): Promise<RecalculationResult> {
    const t0 = performance.now();
    this.states.delete(org);
    const { st, changed, objects } = await this.db.transaction(async (tx) => {
      await repo.deleteOrphanProfiles(tx, org);
      const [rows, declared, stored, objects] = [
        await repo.loadRefs(tx, org, FLOWING),
        await repo.loadProfiles(tx, org, 'declared'),
        await repo.loadProfiles(tx, org, 'inherited'),
        await repo.countObjects(tx, org),
      ];
      const graph = buildGraph(rows);
      const inherited = computeInherited(graph, declared);
      const diff = diffRegion(new Set([...stored.keys(), ...inherited.keys()]), inherited, stored);
      await this.write(tx, org, reason, { inherited: diff }, []);
      return { st: { graph, declared, inherited }, changed: diff.size, objects };
    });
    this.states.set(org, st);
    const ms = performance.now() - t0;
    const declared = st.declared.size;
    const inherited = st.inherited.size;
    this.log.debug('levels recalculated', { org, objects, declared, inherited, changed, ms: Math.round(ms) });
    return { objects, declared, inherited, empty: Math.max(0, objects - declared - inherited), changed, ms };
  }

  private async commit(org: string, reason: Reason, w: Writes, alsoChanged: readonly string[]): Promise<LevelChange> {
    return this.db.transaction((tx) => this.write(tx, org, reason, w, alsoChanged));
  }

  /** Writes one change and its levels.changed event (only when something changed). */
  private async write(tx: Queryable, org: string, reason: Reason, w: Writes, alsoChanged: readonly string[]): Promise<LevelChange> {
    const at = this.clock.now();
    // deleted objects lose their profile; those that had one count as changed
    const lost = w.deleted?.length ? await repo.deleteProfiles(tx, org, w.deleted) : [];
    if (w.undeclare?.length) await repo.deleteProfiles(tx, org, w.undeclare, 'declared');
    if (w.declare?.pks.length) await repo.writeProfiles(tx, org, 'declared', new Map(w.declare.pks.map((pk) => [pk, w.declare!.level])), at);
    const up = new Map<string, number>();
    const gone: string[] = [];
    for (const [pk, l] of w.inherited) {
      if (l > 0) up.set(pk, l);
      else gone.push(pk);
    }
    if (gone.length > 0) await repo.deleteProfiles(tx, org, gone, 'inherited');
    if (up.size > 0) await repo.writeProfiles(tx, org, 'inherited', up, at);
    const all = [...new Set([...alsoChanged, ...lost, ...w.inherited.keys()])];
    const change: LevelChange = { changed: all.length, pks: all.slice(0, EVENT_PKS), truncated: all.length > EVENT_PKS };
    if (all.length > 0) await Outbox.record(tx, { topic: 'levels.changed', org, reason, ...change }, at);
    return change;
  }
}
