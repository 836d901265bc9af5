import type { Database, Queryable } from '../db/database';
import type { KatEvent } from '../api/types';
import type { Logger } from '../common/logger';

export type EventListener = (event: KatEvent) => void | Promise<void>;

/**
 * The event outbox: events are written in the same transaction as the change they describe and
 * dispatched to in-process listeners only after commit. Undispatched events (a crash between
 * commit and dispatch) are replayed on start. Dispatch is serialised: listeners see events in
 * commit order.
 */
export class Outbox {
  private listeners = new Set<EventListener>();
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly log: Logger,
  ) {}

  static async record(q: Queryable, event: KatEvent, at: Date): Promise<void> {
    await q.query(`INSERT INTO outbox (org, topic, payload, created_at) VALUES ($1, $2, $3::jsonb, $4::timestamptz)`, [
      event.org,
      event.topic,
      JSON.stringify(event),
      at.toISOString(),
    ]);
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Dispatches every pending event, in order. Safe to call often; calls are serialised. */
  dispatch(): Promise<void> {
    const run = this.chain.then(() => this.dispatchPending());
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async dispatchPending(): Promise<void> {
    for (;;) {
      const res = await this.db.query<{ id: string; payload: KatEvent }>(
        `SELECT id::text, payload FROM outbox WHERE dispatched_at IS NULL ORDER BY id LIMIT 100`,
      );
      if (res.rows.length === 0) return;
      for (const row of res.rows) {
        for (const l of [...this.listeners]) {
          try {
            await l(row.payload);
          } catch (e) {
            this.log.error('event listener failed', { topic: row.payload.topic, error: e instanceof Error ? e.message : String(e) });
          }
        }
        await this.db.query(`UPDATE outbox SET dispatched_at = now() WHERE id = $1::bigint`, [row.id]);
      }
    }
  }
}
