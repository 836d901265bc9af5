import { z } from 'zod';
import type { ErrorPayload } from '../../common/errors';
import { OrgCode, Pk } from '../schemas';

const BitId = z.string().min(1).max(64);

/** Bits (inference rules): what they inferred, where they failed, and a full re-run. */
export const bitsContract = {
  'bits.status': {
    input: z.object({ org: OrgCode }).strict(),
    doc: 'Every bit with its enabled state, how many sources it currently infers something for, its failures, and the last full run.',
  },
  'bits.failures': {
    input: z
      .object({ org: OrgCode, bitId: BitId.optional(), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(100) })
      .strict(),
    doc: 'Runs of a bit that failed (the bit threw or returned invalid objects), newest first. Only that run failed; other bits went on.',
  },
  'bits.run': {
    input: z.object({ org: OrgCode, bitIds: z.array(BitId).min(1).max(100).optional() }).strict(),
    doc: 'Re-runs every bit (or the given ones) over the whole organisation; writes only what changed. Returns when inference has settled.',
  },
  'bits.config.list': {
    input: z.object({ org: OrgCode, bitId: BitId.optional() }).strict(),
    doc: 'The bits that take a configuration (with its JSON schema and defaults), and per bit the objects (usually networks) that hold a saved configuration for it.',
  },
  'bits.config.get': {
    input: z.object({ org: OrgCode, bitId: BitId, ooi: Pk.describe('the object holding the configuration, e.g. Network|internet') }).strict(),
    doc: "A bit's effective configuration on one object: the schema's defaults overlaid with the saved values, the saved values alone, and the schema.",
  },
  'bits.config.set': {
    input: z
      .object({
        org: OrgCode,
        bitId: BitId,
        ooi: Pk.describe('the object holding the configuration, e.g. Network|internet'),
        config: z.record(z.string().max(100), z.json()).describe('replaces the saved values; a value left out or null takes the default'),
      })
      .strict(),
    doc: "Answers a bit's question for one object: validated against the bit's schema, saved as a declared Question and Config; the bit re-runs on every source the object configures before this returns.",
  },
  'bits.config.reset': {
    input: z.object({ org: OrgCode, bitId: BitId, ooi: Pk }).strict(),
    doc: "Removes a bit's saved configuration from an object (its Question and Config): the defaults apply again and the bit re-runs.",
  },
} as const;

export interface BitStatus {
  id: string;
  name: string;
  description: string;
  consumes: string;
  scanLevel: number;
  enabled: boolean;
  /** sources the bit currently infers at least one object for */
  activeSources: number;
  failures: number;
}

export interface BitFailure {
  bitId: string;
  source: string;
  error: ErrorPayload;
  failedAt: string;
}

export interface BitFullRun {
  id: string;
  bits: string[];
  startedAt: string;
  finishedAt: string | null;
  sources: number;
  changed: number;
  failed: number;
}

/** A bit that takes a configuration, scoped to the objects its config path reaches. */
export interface ConfigurableBit {
  id: string;
  name: string;
  description: string;
  enabled: boolean;
  /** relation path from the consumed object to the object holding the configuration */
  path: string;
  /** the concrete types that can hold the configuration (e.g. ["Network"]) */
  holderTypes: string[];
  /** JSON Schema (subset) of the configuration */
  schema: Record<string, unknown>;
  /** the schema's defaults */
  defaults: Record<string, unknown>;
}

/** One object's configuration of one bit. */
export interface BitConfigView {
  bitId: string;
  ooi: string;
  /** the Config object's primary key (whether or not it exists yet) */
  configPk: string;
  /** the saved values (null: none saved, the defaults apply) */
  saved: Record<string, unknown> | null;
  /** what the bit runs with: defaults overlaid with the saved values */
  effective: Record<string, unknown>;
  defaults: Record<string, unknown>;
  schema: Record<string, unknown>;
  /** when the saved values last changed (valid time) */
  updatedAt: string | null;
}

export interface BitsResults {
  'bits.config.list': { bits: (ConfigurableBit & { configs: BitConfigView[] })[] };
  'bits.config.get': BitConfigView;
  'bits.config.set': BitConfigView;
  'bits.config.reset': BitConfigView & { removed: boolean };
  'bits.status': { bits: BitStatus[]; lastFullRun: BitFullRun | null };
  'bits.failures': { items: BitFailure[]; total: number };
  'bits.run': { bits: number; sources: number; changed: number; failed: number; ms: number };
}
