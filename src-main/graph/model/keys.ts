/**
 * Primary keys: `<Type>|<natural key>`, the key attributes joined by `|`. A reference adds the
 * referenced object's natural key (without its type) unless its key part is 'full'; a 'sha1' part
 * adds the SHA-1 hex of the value; an absent value adds an empty string.
 */
import { createHash } from 'node:crypto';
import { requireInfo, type TypeInfo } from './registry.js';

export function sha1Hex(value: string): string {
  return createHash('sha1').update(value, 'utf8').digest('hex');
}

/** The natural key of a primary key: everything after the type. */
export function naturalKeyOfPk(pk: string): string {
  const i = pk.indexOf('|');
  return i < 0 ? '' : pk.slice(i + 1);
}

/** The type name of a primary key. */
export function typeOfPk(pk: string): string {
  const i = pk.indexOf('|');
  return i < 0 ? pk : pk.slice(0, i);
}

/** Natural key from already normalised data (references stored as full primary keys). */
export function naturalKeyFromInfo(info: TypeInfo, data: Readonly<Record<string, unknown>>): string {
  let out = '';
  const plan = info.keyPlan;
  for (let i = 0; i < plan.length; i++) {
    const step = plan[i]!;
    const v = data[step.field.name];
    let token: string;
    if (v === undefined || v === null) token = '';
    else if (step.mode === 'sha1') token = sha1Hex(String(v));
    else if (step.mode === 'full') token = String(v);
    else if (step.field.kind === 'reference') token = naturalKeyOfPk(String(v));
    else token = String(v);
    out = i === 0 ? token : out + '|' + token;
  }
  return out;
}

/** The primary key of an object of `type` whose `data` is already normalised. */
export function buildPk(type: string, data: Readonly<Record<string, unknown>>): string {
  return type + '|' + naturalKeyFromInfo(requireInfo(type), data);
}
