import type { OOI } from '../graph/model';

export type OriginKind = 'declaration' | 'observation' | 'inference' | 'affirmation';

/** One origin to save with its complete result set (which replaces the previous one). */
export interface OriginWrite {
  kind: OriginKind;
  /** declaration: who/how (e.g. 'manual', 'csv-import'); observation: normalizer id; inference: bit id */
  method: string;
  /** the object the origin is about: for a declaration the declared object itself */
  source: string;
  /** observation: the boefje id behind the normalizer */
  sourceMethod?: string;
  taskId?: string;
  results: OOI[];
  /** inference: the extra objects the bit read */
  parameters?: string[];
  /** default: now */
  validTime?: Date;
  /** inference: a hash of what the bit returned, kept on the origin (an unchanged re-run is skipped) */
  outputHash?: string;
}

/** What one committed mutation changed. */
export interface ChangeSet {
  created: string[];
  updated: string[];
  deleted: string[];
  origins: string[];
  /** inference origins that lost a parameter object: their bits must run again */
  touchedOrigins?: string[];
}

export function originId(kind: OriginKind, method: string, source: string, sourceMethod?: string): string {
  return sourceMethod ? `Origin|${kind}|${method}|${sourceMethod}|${source}` : `Origin|${kind}|${method}|${source}`;
}
