/**
 * Muting findings. A mute is an ordinary object, MutedFinding{finding, reason, expires_at?}, declared
 * by the user; unmuting deletes it. Expired mutes lift by themselves twice over: every query treats a
 * mute whose expires_at has passed as absent (src-main/findings/repository.ts), and the sweeper
 * deletes those objects, waking exactly at the next expiry on the injected clock, so the deletion is
 * in the history and subscribers hear an objects.changed event.
 */
import type { Clock } from '../common/clock.js';
import { AppError } from '../common/errors.js';
import type { Logger } from '../common/logger.js';
import type { Database } from '../db/database.js';
import type { KatEvent } from '../api/types.js';
import type { MuteResult, UnmuteResult } from '../api/contracts/findings.js';
import type { GraphService } from '../core/graph-service.js';
import { normalizeObject } from '../graph/model/index.js';
import { existingFindings, expiredMutes, mutedPkOf, mutesOf, nextMuteExpiry } from './repository.js';

/** The declaration method of mutes. */
export const MUTE_METHOD = 'mute';

/** The longest the sweeper sleeps before it looks again (clock changes, sleep). */
const MAX_SLEEP_MS = 60 * 60 * 1000;

export interface Timers {
  /** `fn` returns the promise of the work it started (real timers ignore it; tests await it) */
  set(fn: () => Promise<void>, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set(fn, ms) {
    const t = setTimeout(() => void fn(), ms);
    t.unref?.();
    return t;
  },
  clear: (h) => clearTimeout(h as NodeJS.Timeout),
};

export interface MuteServiceDeps {
  db: Database;
  graph: GraphService;
  clock: Clock;
  log: Logger;
  /** tests pass recording timers */
  timers?: Timers;
}

function notFound(org: string, missing: string[]): AppError {
  const list = missing.slice(0, 5).join(', ') + (missing.length > 5 ? ` and ${missing.length - 5} more` : '');
  return new AppError('NOT_FOUND', `No finding ${list} in "${org}"; nothing was changed`, { pk: missing[0], missing });
}

function isEffective(data: Record<string, unknown> | undefined, now: Date): boolean {
  if (!data) return false;
  const exp = data.expires_at;
  return typeof exp !== 'string' || new Date(exp).getTime() > now.getTime();
}

export class MuteService {
  private timer: unknown;
  private running = false;
  private readonly timers: Timers;
  /** when the armed timer fires (for tests and the log) */
  armedFor: Date | null = null;

  constructor(private readonly d: MuteServiceDeps) {
    this.timers = d.timers ?? realTimers;
  }

  async mute(org: string, pks: readonly string[], reason: string, expiresAt: string | undefined, dryRun: boolean): Promise<MuteResult> {
    const now = this.d.clock.now();
    if (expiresAt !== undefined && new Date(expiresAt).getTime() <= now.getTime()) {
      throw new AppError('BAD_REQUEST', `A mute must expire in the future; ${expiresAt} has passed`, { field: 'expiresAt', now: now.toISOString() });
    }
    const unique = [...new Set(pks)];
    const before = await mutesOf(this.d.db, org, unique);
    const hidden = unique.filter((pk) => !isEffective(before.get(mutedPkOf(pk)), now));
    const items = unique.map((pk) => {
      const ooi = normalizeObject('MutedFinding', { finding: pk, reason, expires_at: expiresAt });
      // a renewed mute without an expiry drops the old one (null removes an attribute when merging)
      if (expiresAt === undefined && before.has(ooi.pk)) ooi.data.expires_at = null;
      return { kind: 'declaration' as const, method: MUTE_METHOD, source: ooi.pk, results: [ooi] };
    });
    const changes = await this.d.graph.saveOrigins(org, items, {
      dryRun,
      guard: async (tx) => {
        const found = await existingFindings(tx, org, unique);
        const missing = unique.filter((pk) => !found.has(pk));
        if (missing.length > 0) throw notFound(org, missing);
      },
    });
    return { pks: unique, hidden, created: changes.created, updated: changes.updated, dryRun };
  }

  async unmute(org: string, pks: readonly string[]): Promise<UnmuteResult> {
    const unique = [...new Set(pks)];
    const found = await existingFindings(this.d.db, org, unique);
    const missing = unique.filter((pk) => !found.has(pk));
    if (missing.length > 0) throw notFound(org, missing);
    const mutes = await mutesOf(this.d.db, org, unique);
    if (mutes.size === 0) return { pks: [], deleted: [] };
    const changes = await this.d.graph.deleteObjects(org, [...mutes.keys()]);
    const lifted = unique.filter((pk) => mutes.has(mutedPkOf(pk)));
    return { pks: lifted, deleted: changes.deleted };
  }

  /**
   * Deletes every mute whose expiry has come, at the expiry as valid time (so the history says
   * when it lifted). Returns how many were removed.
   */
  async sweep(): Promise<number> {
    const now = this.d.clock.now();
    const expired = await expiredMutes(this.d.db, now);
    const batches = new Map<string, { org: string; at: string; pks: string[] }>();
    for (const m of expired) {
      const key = `${m.org}\n${m.expiresAt}`;
      const b = batches.get(key) ?? { org: m.org, at: m.expiresAt, pks: [] };
      b.pks.push(m.pk);
      batches.set(key, b);
    }
    let removed = 0;
    for (const b of batches.values()) {
      try {
        removed += (await this.d.graph.deleteObjects(b.org, b.pks, { validTime: new Date(b.at) })).deleted.length;
      } catch (e) {
        // gone meanwhile (unmuted, or the finding was deleted): nothing left to lift
        if (!(e instanceof AppError && e.code === 'NOT_FOUND')) throw e;
      }
    }
    return removed;
  }

  start(): void {
    this.running = true;
    void this.arm();
  }

  stop(): void {
    this.running = false;
    this.timers.clear(this.timer);
    this.timer = undefined;
    this.armedFor = null;
  }

  /** Re-arms when a mute was created or changed (its expiry may be the next one). */
  readonly onEvent = (e: KatEvent): void => {
    if (!this.running || e.topic !== 'objects.changed') return;
    if ([...e.created, ...e.updated].some((pk) => pk.startsWith('MutedFinding|'))) void this.arm();
  };

  /** Sleeps until the next expiry (at most an hour, then looks again). */
  async arm(): Promise<void> {
    if (!this.running) return;
    let next: Date | null;
    try {
      next = await nextMuteExpiry(this.d.db);
    } catch (e) {
      this.d.log.error('the mute sweeper could not read the mutes', { error: String(e) });
      return;
    }
    if (!this.running) return;
    this.timers.clear(this.timer);
    const now = this.d.clock.now().getTime();
    const wait = Math.min(next ? Math.max(0, next.getTime() - now) : MAX_SLEEP_MS, MAX_SLEEP_MS);
    this.armedFor = new Date(now + wait);
    this.timer = this.timers.set(() => this.fire(), wait);
  }

  private async fire(): Promise<void> {
    try {
      await this.sweep();
    } catch (e) {
      this.d.log.error('the mute sweeper failed', { error: String(e) });
    }
    await this.arm();
  }
}
