/**
 * Scan-level flow along one reference, from the model (OpenKAT section 3): for `source.attr ->
 * target`, `issue` is the most the source passes to the target and `inherit` the most the source
 * takes from the target. 0 means nothing flows that way (the model's null). Pure.
 */
import { allTypes, hasType, referenceFields, typeOfPk } from '../graph/model';

export interface Caps {
  issue: number;
  inherit: number;
}

const NONE: Caps = Object.freeze({ issue: 0, inherit: 0 });
const byTypeAttr = new Map<string, Caps>();

export function capsOf(sourceType: string, attr: string): Caps {
  const k = sourceType + '.' + attr;
  let c = byTypeAttr.get(k);
  if (c === undefined) {
    const f = hasType(sourceType) ? referenceFields(sourceType).find((x) => x.name === attr) : undefined;
    c = f ? { issue: f.maxIssueScanLevel ?? 0, inherit: f.maxInheritScanLevel ?? 0 } : NONE;
    byTypeAttr.set(k, c);
  }
  return c;
}

/** The caps of a stored reference row (the source's type is its primary key's prefix). */
export function capsOfRef(source: string, attr: string): Caps {
  return capsOf(typeOfPk(source), attr);
}

/** Every `Type.attr` of a concrete type along which some level can flow, for filtering stored references. */
export function flowingTypeAttrs(): string[] {
  const out: string[] = [];
  for (const t of allTypes()) {
    if (t.abstract) continue;
    for (const f of referenceFields(t.name)) if ((f.maxIssueScanLevel ?? 0) > 0 || (f.maxInheritScanLevel ?? 0) > 0) out.push(`${t.name}.${f.name}`);
  }
  return out;
}
