import { AppError } from '../common/errors';
import type { OOI } from '../graph/model';
import { originId, type OriginWrite } from './types';

export interface PendingObject {
  ooi: OOI;
  validFrom: string;
  /** the origin that supports it (the last one in the batch naming it) */
  origin: string;
}

export interface PendingOrigin {
  item: OriginWrite;
  id: string;
  validFrom: string;
  /** the complete result set, derived objects included */
  pks: Set<string>;
}

export interface Batch {
  origins: Map<string, PendingOrigin>;
  objects: Map<string, PendingObject>;
}

/**
 * Merges a batch in memory: one entry per origin (the same origin twice: the union of its result
 * sets, the last item's metadata) and one per object (attributes merged, the last origin naming it).
 */
export function collectBatch(items: OriginWrite[], txTime: Date): Batch {
  const origins = new Map<string, PendingOrigin>();
  const objects = new Map<string, PendingObject>();
  for (const item of items) {
    const id = originId(item.kind, item.method, item.source, item.sourceMethod);
    const validFrom = (item.validTime ?? txTime).toISOString();
    if (item.kind === 'declaration' && !item.results.some((r) => r.pk === item.source)) {
      throw new AppError('INVALID_OBJECT', `A declaration's result must be its source (${item.source})`, { source: item.source });
    }
    const entry = origins.get(id) ?? { item, id, validFrom, pks: new Set<string>() };
    entry.item = item;
    entry.validFrom = validFrom;
    origins.set(id, entry);
    for (const ooi of item.results) {
      entry.pks.add(ooi.pk);
      const prev = objects.get(ooi.pk);
      objects.set(ooi.pk, { ooi: prev ? { ...ooi, data: { ...prev.ooi.data, ...ooi.data } } : ooi, validFrom, origin: id });
    }
  }
  return { origins, objects };
}
