/** A JSON-serialisable description of every type, for the UI's generated forms and pickers. */
import { allTypes, concreteSubtypes } from './registry.js';
import type { FieldDef, KeyPart } from './types.js';

export interface TypeDescription {
  name: string;
  abstract: boolean;
  parents: string[];
  /** for abstract types: the concrete types to pick from; for concrete ones: itself */
  concreteSubtypes: string[];
  description: string;
  nonTraversable: boolean;
  /** key attribute names in key order */
  keyFields: string[];
  key: KeyPart[];
  fields: FieldDef[];
}

let described: TypeDescription[] | undefined;

export function describeTypes(): TypeDescription[] {
  described ??= allTypes().map((t) => ({
    name: t.name,
    abstract: t.abstract,
    parents: [...t.parents],
    concreteSubtypes: [...concreteSubtypes(t.name)],
    description: t.description,
    nonTraversable: t.nonTraversable,
    keyFields: t.key.map((k) => k.field),
    key: t.key.map((k) => ({ ...k })),
    fields: t.fields.map((f) => ({ ...f })),
  }));
  return structuredClone(described);
}
