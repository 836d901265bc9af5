/**
 * The objects one normalizer run produces, deduplicated by primary key. The same object is often
 * found twice in one raw file (a hostname as a record's owner and as another record's target);
 * the attributes of every sighting are merged, later values winning, in first-seen order.
 */
import type { OOI } from '../graph/model';

export class ObjectSet {
  private readonly byPk = new Map<string, OOI>();

  /** Adds (or merges into) the object and returns its primary key. */
  add(ooi: OOI): string {
    const seen = this.byPk.get(ooi.pk);
    if (seen) seen.data = { ...seen.data, ...ooi.data };
    else this.byPk.set(ooi.pk, { type: ooi.type, pk: ooi.pk, data: { ...ooi.data } });
    return ooi.pk;
  }

  get size(): number {
    return this.byPk.size;
  }

  toArray(): OOI[] {
    return [...this.byPk.values()];
  }
}
