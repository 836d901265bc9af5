/** The OOI model: types, keys, references and normalisation. Pure: no I/O. */
export type { FieldDef, FieldKind, KeyPart, OOI, OOITypeDef, ObjectReference } from './types.js';
export {
  ROOT_TYPE,
  allTypes,
  concreteSubtypes,
  getType,
  hasType,
  isSubtypeOf,
  keyFieldNames,
  referenceFields,
} from './registry.js';
export { buildPk, naturalKeyOfPk, sha1Hex, typeOfPk } from './keys.js';
export { Reference, parseReference, referencedPkFromTokens, type Tokenized } from './reference.js';
export { normalizeObject, objectFromPk, referencesOf } from './normalize.js';
export { describeTypes, type TypeDescription } from './describe.js';
