import type { Clock } from '../../common/clock';
import type { Database } from '../../db/database';
import type { Handlers } from '../../api/dispatch';
import type { GraphService } from '../graph-service';
import type { Outbox } from '../outbox';

/** What every domain's handlers may use. */
export interface HandlerDeps {
  db: Database;
  graph: GraphService;
  clock: Clock;
  outbox: Outbox;
  hostKind: 'electron' | 'headless' | 'in-process';
  dataLocation: string;
}

/** The handlers of one domain contract (the dispatcher itself answers listApi and multicall). */
export type DomainHandlers<C> = Pick<Handlers, Extract<keyof C, keyof Handlers>>;
