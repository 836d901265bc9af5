/**
 * The scheduler plans in SQL (src-main/scheduler/plan.ts): its priorities must be exactly what
 * priorityFor (scheduler/time/due.ts) says, its dedup keys exactly what the task service computes
 * in JavaScript, and its counts of what it skipped exact. Real PGlite, fake clock, a recording
 * container runtime.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_GRACE_MS, priorityFor } from '../../../src-main/scheduler/time';
import { dedupKey } from '../../../src-main/tasks/service';
import { testKat, type TestKat } from '../../helpers/kat';
import { RecordingRuntime } from '../tasks/recording-runtime';

let kat: TestKat | undefined;
afterEach(async () => {
  await kat?.close();
  kat = undefined;
});

const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe('the scheduler plan in SQL', () => {
  it('gives every pair the priority priorityFor gives it, skips what is active or in grace, and says so', async () => {
    const runtime = new RecordingRuntime(() => kat!.db);
    kat = await testKat({ engine: runtime, scheduler: { defaults: true } });
    const k = kat;
    await k.api('orgs.clearance.acknowledge', { org: 'acme', maxLevel: 4, acknowledgedBy: 'test' });
    await k.api('plugins.enable', { org: 'acme', id: 'dns-records', enabled: true });
    // time since the last run ended (ms); null: the pair's runs are deleted (never ran)
    const ages: (number | null)[] = [
      HOUR, // inside grace
      DAY - 1, // one ms inside grace
      DAY, // exactly at the boundary: due, least urgent
      DAY + 1,
      DAY + 123_457,
      2 * DAY + 7 * HOUR + 1_234,
      3.5 * DAY + 17,
      8 * DAY - 1,
      8 * DAY, // 7 days past grace: the most stale
      40 * DAY,
      -HOUR, // ended in the future (clock skew): counts as just run
      null,
    ];
    const hosts = ages.map((_, i) => `Hostname|internet|h${i}.example.test`);
    const settingsChanged = 'Hostname|internet|other-settings.example.test';
    const active = 'Hostname|internet|active.example.test';
    const low = 'Hostname|internet|low.example.test';
    for (const h of [...hosts, settingsChanged, active, low]) await k.api('objects.declare', { org: 'acme', pk: h });
    await k.api('levels.declare', { org: 'acme', pks: [...hosts, settingsChanged, active], level: 1 });
    await k.runner.idle();
    await k.runner.stop(); // what the run queues stays queued
    expect(runtime.runs).toHaveLength(hosts.length + 2);

    k.clock.set('2026-03-20T02:00:00.000Z');
    const now = k.clock.now().getTime();
    for (const [i, age] of ages.entries()) {
      if (age === null) await k.db.query(`DELETE FROM tasks WHERE org = 'acme' AND input_pk = $1`, [hosts[i]]);
      // a failed run counts as a run too
      else await k.db.query(`UPDATE tasks SET ended_at = $2, status = $3 WHERE org = 'acme' AND input_pk = $1`, [hosts[i], new Date(now - age).toISOString(), i % 3 === 0 ? 'failed' : 'completed']);
    }
    // a run with other settings is not a repeat, however recent
    await k.db.query(`UPDATE tasks SET ended_at = $2, settings_hash = 'other' WHERE org = 'acme' AND input_pk = $1`, [settingsChanged, new Date(now - HOUR).toISOString()]);
    // a task still running, with the dedup key JavaScript computes: the plan must see it as active
    await k.db.query(`UPDATE tasks SET ended_at = $2 WHERE org = 'acme' AND input_pk = $1`, [active, new Date(now - 3 * DAY).toISOString()]);
    await k.db.query(
      `INSERT INTO tasks (org, id, kind, plugin_id, plugin_version, input_pk, status, priority, reason, dedup_key, input_level, created_at)
       VALUES ('acme', 'running-one', 'boefje', 'dns-records', '1.0.0', $1, 'running', 1, 'manual', $2, 1, $3)`,
      [active, dedupKey('boefje', 'dns-records', active, null), new Date(now).toISOString()],
    );

    const preview = await k.api('schedules.preview', { org: 'acme', id: 'default-daily' });
    // a draft (no schedule id yet) previews the same
    const draft = await k.api('schedules.preview', { org: 'acme', draft: { name: 'draft', enabled: true, recurrence: 'daily', plugins: '', input: '', runOn: null, operations: [] } });
    const summary = await k.api('schedules.runNow', { org: 'acme', id: 'default-daily' });
    const expected = new Map<string, number>();
    for (const [i, age] of ages.entries()) {
      const p = priorityFor({ manual: false, lastRun: age === null ? null : new Date(now - age), now: new Date(now), graceMs: DEFAULT_GRACE_MS });
      if (p !== null) expected.set(hosts[i]!, p);
    }
    expected.set(settingsChanged, 2);
    const queued = (await k.api('tasks.list', { org: 'acme', statuses: ['queued'], limit: 100 })).items;
    expect(new Map(queued.map((t) => [t.inputPk!, t.priority]))).toEqual(expected);
    // the values the rule gives at these ages, by hand: 1000 - floor(997 x min(1, overdue / 7 days)); never run 2
    expect([...expected.values()]).toEqual([1000, 1000, 1000, 817, 644, 4, 3, 3, 2, 2]);
    expect(queued.every((t) => t.reason === 'schedule' && /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(t.id))).toBe(true);
    expect(new Set(queued.map((t) => t.id)).size).toBe(queued.length);
    // the queued rows carry the dedup key JavaScript computes for them
    const keys = await k.db.query<{ input_pk: string; dedup_key: string }>(`SELECT input_pk, dedup_key FROM tasks WHERE org = 'acme' AND status = 'queued'`);
    for (const r of keys.rows) expect(r.dedup_key).toBe(dedupKey('boefje', 'dns-records', r.input_pk, null));

    const skipped = { grace: 3, level: 0, active: 1, settings: 0 };
    expect(summary).toEqual({ queued: expected.size, byPlugin: [{ pluginId: 'dns-records', tasks: expected.size, types: { Hostname: expected.size } }], skipped, text: `${expected.size} tasks: dns-records × ${expected.size} Hostname (skipped: 3 ran recently, 1 already queued)` });
    expect(preview).toEqual(summary);
    expect(draft).toEqual(summary);
    // run again: everything it queued is active now, nothing is queued twice
    const again = await k.api('schedules.runNow', { org: 'acme', id: 'default-daily' });
    expect(again).toMatchObject({ queued: 0, skipped: { grace: 3, active: 1 + expected.size } });
    expect((await k.api('tasks.list', { org: 'acme', statuses: ['queued'], limit: 100 })).total).toBe(expected.size);

    // tasks have no foreign key to organisations any more (migration 0011): deleting one still takes them
    await k.api('orgs.delete', { code: 'acme', confirm: 'acme' });
    expect((await k.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM tasks`)).rows[0]!.n).toBe(0);
  });
});
