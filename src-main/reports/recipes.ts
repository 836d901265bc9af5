/**
 * Report recipes: a report type + inputs made by itself on a recurrence (an RRULE, UTC, parsed by
 * the scheduler's time logic). A tick makes every due recipe's report as of its due time and moves
 * next_run_at to the following occurrence; a timer sleeps until the soonest one (tests call tick()
 * on a fake clock). Missed occurrences (the app was closed) are made up once, as of the latest of
 * them, not one by one.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../common/clock';
import { AppError } from '../common/errors';
import type { Logger } from '../common/logger';
import type { Database } from '../db/database';
import { formatRecurrence, nextOccurrence, parseRecurrence, type Recurrence } from '../scheduler/time';
import * as repo from './repository';
import type { ReportService } from './service';
import type { ReportInputs, ReportRecipe, ReportType } from './types';

const MAX_SLEEP_MS = 60 * 60 * 1000;

/** The latest occurrence at or before `now`, starting from the due one (bounded). */
function latestDue(rec: Recurrence, due: Date, now: Date): Date {
  let t = due;
  for (let i = 0; i < 100_000; i++) {
    const n = nextOccurrence(rec, t);
    if (!n || n.getTime() > now.getTime()) break;
    t = n;
  }
  return t;
}

export interface RecipeFields {
  id?: string;
  name: string;
  type: ReportType;
  inputs: ReportInputs;
  rrule: string;
  enabled: boolean;
}

export interface ReportRecipeServiceDeps {
  db: Database;
  clock: Clock;
  log: Logger;
  reports: ReportService;
}

export class ReportRecipeService {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;

  constructor(private readonly d: ReportRecipeServiceDeps) {}

  list(org: string): Promise<ReportRecipe[]> {
    return repo.listRecipes(this.d.db, org);
  }

  async save(org: string, f: RecipeFields): Promise<ReportRecipe> {
    const now = this.d.clock.now();
    const old = f.id ? await repo.getRecipe(this.d.db, org, f.id) : null;
    if (f.id && !old) throw new AppError('NOT_FOUND', `No report recipe "${f.id}" in "${org}"`, { id: f.id, field: 'id' });
    // a recurrence without DTSTART starts when it is saved; the stored text is canonical
    const rec = parseRecurrence(f.rrule, { start: now });
    const rrule = formatRecurrence(rec);
    const next = f.enabled ? nextOccurrence(rec, now) : null;
    const recipe: ReportRecipe = {
      id: old?.id ?? randomUUID(),
      org,
      name: f.name,
      type: f.type,
      inputs: f.inputs,
      rrule,
      enabled: f.enabled,
      lastRunAt: old?.lastRunAt ?? null,
      nextRunAt: next ? next.toISOString() : null,
    };
    await repo.upsertRecipe(this.d.db, recipe, now.toISOString());
    this.arm();
    return recipe;
  }

  async remove(org: string, id: string): Promise<{ deleted: true }> {
    if (!(await repo.deleteRecipe(this.d.db, org, id))) throw new AppError('NOT_FOUND', `No report recipe "${id}" in "${org}"`, { id });
    this.arm();
    return { deleted: true };
  }

  /** Makes the report of every due recipe; returns the ids of the reports made. */
  async tick(): Promise<string[]> {
    const now = this.d.clock.now();
    const made: string[] = [];
    for (const r of await repo.dueRecipes(this.d.db, now.toISOString())) {
      const rec = parseRecurrence(r.rrule);
      const due = latestDue(rec, new Date(r.nextRunAt!), now).toISOString();
      const next = nextOccurrence(rec, now);
      try {
        const report = await this.d.reports.create(r.org, { type: r.type, inputs: r.inputs, asOf: due, name: `${r.name} ${due.slice(0, 10)}`, recipeId: r.id });
        made.push(report.id);
      } catch (e) {
        this.d.log.error('a report recipe failed', { org: r.org, recipe: r.id, error: e instanceof Error ? e.message : String(e) });
      }
      await repo.upsertRecipe(this.d.db, { ...r, lastRunAt: now.toISOString(), nextRunAt: next ? next.toISOString() : null }, now.toISOString());
    }
    this.arm();
    return made;
  }

  start(): void {
    this.running = true;
    this.arm();
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
  }

  private arm(): void {
    if (!this.running) return;
    clearTimeout(this.timer);
    void repo.soonestRecipeRun(this.d.db).then(
      (next) => {
        if (!this.running) return;
        const wait = next ? Math.max(0, new Date(next).getTime() - this.d.clock.now().getTime()) : MAX_SLEEP_MS;
        this.timer = setTimeout(() => void this.tick().catch((e: unknown) => this.d.log.error('report recipe tick failed', { error: String(e) })), Math.min(wait, MAX_SLEEP_MS));
        this.timer.unref?.();
      },
      (e: unknown) => this.d.log.error('report recipes could not be read', { error: String(e) }),
    );
  }
}
