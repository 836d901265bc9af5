import { systemClock, type Clock } from '../common/clock';
import { AppError } from '../common/errors';
import { createLogger, type Logger } from '../common/logger';
import { openDatabase, type Database } from '../db/database';
import { createDispatch, type CallContext, type Dispatch } from '../api/dispatch';
import type { KatEvent } from '../api/types';
import { Outbox, type EventListener } from './outbox';
import { GraphService } from './graph-service';
import { createHandlers } from './handlers/index';
import type { KatApi } from './kat-api';

export interface KatOptions {
  /** 'memory://' or a directory for the database */
  data: string;
  clock?: Clock;
  host?: CallContext['host'];
  logger?: Logger;
  /** an already opened database (tests reuse a template) */
  database?: Database;
  /** in-process listeners registered before undispatched events are replayed */
  listeners?: EventListener[];
}

/** The core, wired: database, graph services, event outbox and the contract's handlers. */
export interface Kat extends KatApi {
  readonly db: Database;
  readonly graph: GraphService;
  readonly outbox: Outbox;
  readonly clock: Clock;
  readonly dispatch: Dispatch;
}

export async function createKat(opts: KatOptions): Promise<Kat> {
  const log = opts.logger ?? createLogger('core');
  const clock = opts.clock ?? systemClock;
  const db = opts.database ?? (await openDatabase(opts.data));
  const outbox = new Outbox(db, log);
  const graph = new GraphService(db, clock, outbox);
  const defaultHost = opts.host ?? 'in-process';
  const dispatch = createDispatch(createHandlers({ db, graph, clock, outbox, hostKind: defaultHost, dataLocation: db.location }));
  for (const l of opts.listeners ?? []) outbox.subscribe(l);
  // Events committed but not dispatched before a crash are replayed now.
  await outbox.dispatch();
  let closed = false;
  return {
    db,
    graph,
    outbox,
    clock,
    dispatch,
    dataLocation: db.location,
    call: (method, params, ctx) => {
      if (closed) return Promise.reject(new AppError('INTERNAL', 'The core is closed'));
      return dispatch(method, params, ctx ?? { host: defaultHost });
    },
    subscribe: (listener: (e: KatEvent) => void) => outbox.subscribe(listener),
    close: async () => {
      if (closed) return;
      closed = true;
      await db.close();
    },
  };
}
