import { z } from 'zod';
import { OrgCode, Pk } from '../schemas';

/** Scan levels (clearance): declared and inherited levels, recalculation, explanations, organisation clearance. */
const Level = z.number().int().min(0).max(4).describe('scan level L0-L4');
const Pks = z.array(Pk).min(1).max(1000);

export const levelsContract = {
  'levels.get': {
    input: z.object({ org: OrgCode, pk: Pk }).strict(),
    doc: "An object's scan level, whether declared, inherited or empty, and for an inherited level the chain back to the declared profile that gives it.",
  },
  'levels.list': {
    input: z.object({ org: OrgCode, pks: z.array(Pk).max(1000) }).strict(),
    doc: 'The levels of a page of objects (for the objects table); objects without a profile are empty (L0).',
  },
  'levels.declare': {
    input: z.object({ org: OrgCode, pks: Pks, level: Level }).strict(),
    doc: "Declares a level on objects (bulk). Refused above the organisation's acknowledged clearance; every object must exist.",
  },
  'levels.reset': {
    input: z.object({ org: OrgCode, pks: Pks }).strict(),
    doc: 'Removes declared levels: the objects go back to what they inherit.',
  },
  'levels.recalculate': {
    input: z.object({ org: OrgCode }).strict(),
    doc: 'Recalculates every inherited level of the organisation from scratch; returns counts and the time taken.',
  },
  'orgs.clearance.get': {
    input: z.object({ org: OrgCode }).strict(),
    doc: 'The maximum level a user acknowledged for the organisation (null: none yet, nothing above L0 can be declared).',
  },
  'orgs.clearance.acknowledge': {
    input: z
      .object({ org: OrgCode, maxLevel: Level, acknowledgedBy: z.string().trim().min(1).max(200).describe('who accepted the consequences') })
      .strict(),
    doc: 'Records the indemnification: the maximum level that may be declared, when and by whom it was accepted.',
  },
} as const;

export type ProfileKind = 'declared' | 'inherited' | 'empty';

export interface ScanProfile {
  pk: string;
  level: number;
  kind: ProfileKind;
}

/** One link of an explanation chain, from the object towards the declared profile. */
export interface ExplanationStep {
  pk: string;
  type: string;
  level: number;
  kind: 'declared' | 'inherited';
  /**
   * The reference along which this object got its level from the next step: with direction
   * 'issue' the next step (the source) passed it to this object (the target), with 'inherit' this
   * object (the source) took it from the next step (the target); cap is that edge's limit.
   */
  via?: { source: string; attr: string; target: string; direction: 'issue' | 'inherit'; cap: number };
}

export interface LevelDetail extends ScanProfile {
  type: string;
  /** declared: [the object]; inherited: the object ... the declared profile; empty: [] */
  explanation: ExplanationStep[];
}

export interface LevelChange {
  /** objects whose level or kind changed (declared ones and what inherits from them) */
  changed: number;
  pks: string[];
  /** true when pks was cut short (changed holds the real count) */
  truncated: boolean;
}

export interface RecalculationResult {
  objects: number;
  declared: number;
  inherited: number;
  empty: number;
  /** inherited profiles that were written or removed */
  changed: number;
  ms: number;
}

export interface OrgClearance {
  org: string;
  /** null: nothing acknowledged yet */
  maxLevel: number | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  /** declared profiles above maxLevel (left from before a lower acknowledgement); they stay as they are */
  declaredAbove: number;
}

export interface LevelsResults {
  'levels.get': LevelDetail;
  'levels.list': ScanProfile[];
  'levels.declare': LevelChange;
  'levels.reset': LevelChange;
  'levels.recalculate': RecalculationResult;
  'orgs.clearance.get': OrgClearance;
  'orgs.clearance.acknowledge': OrgClearance;
}
