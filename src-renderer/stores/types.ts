import type { StateCreator } from 'zustand';
import type { OrgsSlice } from './orgs-slice';
import type { ObjectsSlice } from './objects-slice';
import type { SelectionSlice } from './selection-slice';
import type { UiSlice } from './ui-slice';

export type Store = OrgsSlice & ObjectsSlice & SelectionSlice & UiSlice;
export type Slice<T> = StateCreator<Store, [], [], T>;

/** A coded error as kept in state (plain data, not an Error instance). */
export interface ErrorInfo {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}
