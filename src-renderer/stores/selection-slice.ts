import type { Slice } from './types';

export interface SelectionSlice {
  /** the object shown in the detail panel */
  openPk: string | null;
  /** keyboard cursor row in the objects table */
  cursor: number;
  /** ISO valid time the detail is viewed at; null = now */
  asOf: string | null;
  /** rows ticked in the objects table (for bulk actions) */
  selected: ReadonlySet<string>;
  /** row index a shift-click extends from */
  selectionAnchor: number;
  openObject(pk: string): void;
  closeObject(): void;
  setCursor(index: number): void;
  setAsOf(iso: string | null): void;
  toggleSelected(pk: string, index: number): void;
  /** adds `pks` (a shift-click range) to the selection */
  addSelected(pks: readonly string[], index: number): void;
  setSelected(pks: readonly string[]): void;
  clearSelected(): void;
}

export const createSelectionSlice: Slice<SelectionSlice> = (set, get) => ({
  openPk: null,
  cursor: -1,
  asOf: null,
  selected: new Set(),
  selectionAnchor: -1,
  openObject: (pk) => set({ openPk: pk }),
  closeObject: () => set({ openPk: null, asOf: null }),
  setCursor: (index) => set({ cursor: index }),
  setAsOf: (iso) => set({ asOf: iso }),
  toggleSelected(pk, index) {
    const next = new Set(get().selected);
    if (next.has(pk)) next.delete(pk);
    else next.add(pk);
    set({ selected: next, selectionAnchor: index });
  },
  addSelected(pks, index) {
    set({ selected: new Set([...get().selected, ...pks]), selectionAnchor: index });
  },
  setSelected: (pks) => set({ selected: new Set(pks), selectionAnchor: -1 }),
  clearSelected: () => set({ selected: new Set(), selectionAnchor: -1 }),
});
