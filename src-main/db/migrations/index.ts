import * as m0001 from './0001_graph';
import * as m0002 from './0002_levels';
import * as m0003 from './0003_plugins_raw';
import * as m0004 from './0004_tasks';
import * as m0005 from './0005_schedules';
import * as m0006 from './0006_object_function';
import * as m0007 from './0007_bits';
import * as m0008 from './0008_file_schedules';
import * as m0009 from './0009_explorer_views';
import * as m0010 from './0010_reports';
import * as m0011 from './0011_task_queue_cost';

export interface Migration {
  name: string;
  sql: string;
}

/** Ordered. Append only; a landed migration is frozen. */
export const MIGRATIONS: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009, m0010, m0011];
