import type { StateCreator } from 'zustand';
import type { EngineSlice } from './engine-slice';
import type { LevelsSlice } from './levels-slice';
import type { OrgsSlice } from './orgs-slice';
import type { ObjectsSlice } from './objects-slice';
import type { PluginsSlice } from './plugins-slice';
import type { QueueSlice } from './queue-slice';
import type { SchedulesSlice } from './schedules-slice';
import type { SelectionSlice } from './selection-slice';
import type { TasksSlice } from './tasks-slice';
import type { UiSlice } from './ui-slice';
import type { FindingsSlice } from './findings-slice';
import type { ExplorerSlice } from './explorer-slice';
import type { ReportsSlice } from './reports-slice';

export type Store = OrgsSlice & ObjectsSlice & SelectionSlice & UiSlice & LevelsSlice & PluginsSlice & TasksSlice &
  EngineSlice &
  SchedulesSlice &
  QueueSlice &
  FindingsSlice &
  ExplorerSlice &
  ReportsSlice;
export type Slice<T> = StateCreator<Store, [], [], T>;

/** A coded error as kept in state (plain data, not an Error instance). */
export interface ErrorInfo {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}
