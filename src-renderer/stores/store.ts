import { create } from 'zustand';
import { createEngineSlice } from './engine-slice';
import { createLevelsSlice } from './levels-slice';
import { createObjectsSlice } from './objects-slice';
import { createOrgsSlice } from './orgs-slice';
import { createPluginsSlice } from './plugins-slice';
import { createQueueSlice } from './queue-slice';
import { createSchedulesSlice } from './schedules-slice';
import { createSelectionSlice } from './selection-slice';
import { createTasksSlice } from './tasks-slice';
import type { Store } from './types';
import { createUiSlice } from './ui-slice';
import { createFindingsSlice } from './findings-slice';
import { createExplorerSlice } from './explorer-slice';
import { createReportsSlice } from './reports-slice';

/** The one store, built from slices; components read it through selectors. */
export const useStore = create<Store>()((...a) => ({
  ...createOrgsSlice(...a),
  ...createObjectsSlice(...a),
  ...createSelectionSlice(...a),
  ...createUiSlice(...a),
  ...createLevelsSlice(...a),
  ...createPluginsSlice(...a),
  ...createTasksSlice(...a),
  ...createEngineSlice(...a),
  ...createSchedulesSlice(...a),
  ...createQueueSlice(...a),
  ...createFindingsSlice(...a),
  ...createExplorerSlice(...a),
  ...createReportsSlice(...a),
}));

export type { Store } from './types';
