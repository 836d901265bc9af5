import * as m0001 from './0001_graph';

export interface Migration {
  name: string;
  sql: string;
}

/** Ordered. Append only; a landed migration is frozen. */
export const MIGRATIONS: readonly Migration[] = [m0001];
