import { create } from 'zustand';
import { createObjectsSlice } from './objects-slice';
import { createOrgsSlice } from './orgs-slice';
import { createSelectionSlice } from './selection-slice';
import type { Store } from './types';
import { createUiSlice } from './ui-slice';

/** The one store, built from slices; components read it through selectors. */
export const useStore = create<Store>()((...a) => ({
  ...createOrgsSlice(...a),
  ...createObjectsSlice(...a),
  ...createSelectionSlice(...a),
  ...createUiSlice(...a),
}));

export type { Store } from './types';
