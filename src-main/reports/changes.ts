/** "Changes since the previous report": findings new, fixed (gone) and still open, by finding key. */
import type { FindingRef } from './types';

const byPk = (a: FindingRef, b: FindingRef) => (a.pk < b.pk ? -1 : a.pk > b.pk ? 1 : 0);

export function compareFindings(previous: readonly FindingRef[], current: readonly FindingRef[]): { new: FindingRef[]; fixed: FindingRef[]; stillOpen: FindingRef[] } {
  const before = new Map(previous.map((f) => [f.pk, f]));
  const now = new Map(current.map((f) => [f.pk, f]));
  return {
    new: current.filter((f) => !before.has(f.pk)).sort(byPk),
    fixed: previous.filter((f) => !now.has(f.pk)).sort(byPk),
    stillOpen: current.filter((f) => before.has(f.pk)).sort(byPk),
  };
}
