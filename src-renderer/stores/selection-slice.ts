import type { Slice } from './types';

export interface SelectionSlice {
  /** the object shown in the detail panel */
  openPk: string | null;
  /** keyboard cursor row in the objects table */
  cursor: number;
  /** ISO valid time the detail is viewed at; null = now */
  asOf: string | null;
  openObject(pk: string): void;
  closeObject(): void;
  setCursor(index: number): void;
  setAsOf(iso: string | null): void;
}

export const createSelectionSlice: Slice<SelectionSlice> = (set) => ({
  openPk: null,
  cursor: -1,
  asOf: null,
  openObject: (pk) => set({ openPk: pk }),
  closeObject: () => set({ openPk: null, asOf: null }),
  setCursor: (index) => set({ cursor: index }),
  setAsOf: (iso) => set({ asOf: iso }),
});
