/** Result shapes of the API contract. Plain JSON: dates are ISO strings. */
import type { ErrorPayload } from '../common/errors';

export type OriginKind = 'declaration' | 'observation' | 'inference' | 'affirmation';

export interface ApiDescription {
  method: string;
  doc: string;
  params: unknown; // JSON Schema
}

export type MulticallResult = { ok: true; result: unknown } | { ok: false; error: ErrorPayload };

export interface SystemInfo {
  version: string;
  host: 'electron' | 'headless' | 'in-process';
  database: string;
  methods: number;
}

export interface Organisation {
  code: string;
  name: string;
  createdAt: string;
  objectCount: number;
}

export interface FieldDescription {
  name: string;
  kind: string;
  required: boolean;
  description?: string;
  enumValues?: readonly string[];
  refTypes?: readonly string[];
  reverseName?: string;
  min?: number;
  max?: number;
}

export interface TypeDescription {
  name: string;
  abstract: boolean;
  parents: readonly string[];
  fields: readonly FieldDescription[];
  key: readonly string[];
  nonTraversable: boolean;
  description: string;
  /** concrete types this (abstract) type stands for; [name] for a concrete type */
  concrete: readonly string[];
}

export interface ObjectSummary {
  pk: string;
  type: string;
  originKinds: OriginKind[];
  lastChange: string; // transaction time of the newest version
  validFrom: string;
}

export interface ObjectPage {
  items: ObjectSummary[];
  total: number;
  /** true when total was capped (counting stopped at the cap) */
  totalCapped: boolean;
  offset: number;
}

export interface ObjectRecord {
  pk: string;
  type: string;
  data: Record<string, unknown>;
  validFrom: string;
  txFrom: string;
}

export interface ReferenceOut {
  attr: string;
  target: string;
  targetType: string;
  exists: boolean;
}

export interface ReferenceIn {
  attr: string;
  /** label of the incoming edge from the target's point of view (e.g. 'ports') */
  reverseName: string;
  source: string;
  sourceType: string;
}

export interface OriginInfo {
  id: string;
  kind: OriginKind;
  method: string;
  source: string;
  sourceMethod: string | null;
  taskId: string | null;
  validFrom: string;
  txFrom: string;
  results: string[];
  parameters: string[];
}

export interface ObjectDetail {
  object: ObjectRecord;
  refsOut: ReferenceOut[];
  /** at most REFS_IN_LIMIT (1000) incoming references, by source key */
  refsIn: ReferenceIn[];
  /** how many incoming references there are in all (current reads) */
  refsInTotal?: number;
  /** origins that have this object among their results */
  origins: OriginInfo[];
  asOf?: { validTime: string; txTime: string };
}

export interface MutationResult {
  /** the primary key the call was about, if any */
  pk?: string;
  origin?: string;
  created: string[];
  updated: string[];
  deleted: string[];
  dryRun: boolean;
}

export interface ObjectVersion {
  validFrom: string;
  validTo: string | null;
  txFrom: string;
  txTo: string | null;
  change: 'created' | 'updated' | 'deleted';
  origin: string | null;
  data: Record<string, unknown> | null;
}

export interface AttributeChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface Diff {
  from: { validTime: string; txTime: string };
  to: { validTime: string; txTime: string };
  /** for one object */
  object?: { pk: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null; changes: AttributeChange[] };
  /** for the organisation */
  added?: string[];
  removed?: string[];
  changed?: { pk: string; changes: AttributeChange[] }[];
  truncated?: boolean;
}

export interface CsvRowResult {
  line: number;
  input: string;
  ok: boolean;
  pk?: string;
  error?: ErrorPayload;
}

export interface CsvImportResult {
  rows: CsvRowResult[];
  created: string[];
  ok: number;
  failed: number;
  dryRun: boolean;
}

export interface PathPair {
  source: string;
  result: string;
}

export interface TreeNode {
  pk: string;
  type: string;
  /** children grouped by relation: outgoing attribute name, or incoming reverse name */
  children: Record<string, TreeNode[]>;
}

export interface PathValidation {
  ok: boolean;
  error?: ErrorPayload;
  /** the compiled steps, for display */
  steps?: string[];
}

/** Events pushed to subscribers. */
export type KatEvent =
  /** rerun: inference origins that lost a parameter object (their bits run again) */
  | { topic: 'objects.changed'; org: string; created: string[]; updated: string[]; deleted: string[]; txTime: string; origin?: string; rerun?: string[] }
  | { topic: 'orgs.changed'; org: string; change: 'created' | 'renamed' | 'deleted' }
  | { topic: 'plugins.changed'; org: string; pluginId: string; change: 'enabled' | 'disabled' | 'settings' }
  | { topic: 'raw.stored'; org: string; rawId: string; mimeTypes: string[] }
  /** a schedule was added, changed, removed, or ran (its last and next run moved) */
  | { topic: 'schedules.changed'; org: string; id: string; change: 'created' | 'updated' | 'deleted' | 'ran' }
  /** tasks were queued, started or ended (statuses as they are now); `tasks` lists at most 500 of the `count` */
  | { topic: 'tasks.changed'; org: string; count: number; tasks: { id: string; kind: 'boefje' | 'normalizer'; pluginId: string; status: string; inputPk: string | null }[] }
  /** scan levels changed: pks (cut at 10,000, see truncated) lists the objects whose level or kind changed */
  | { topic: 'levels.changed'; org: string; pks: string[]; changed: number; truncated: boolean; reason: 'declared' | 'reset' | 'objects' | 'recalculated' }
  /** a report was created or deleted */
  | { topic: 'reports.changed'; org: string; id: string; change: 'created' | 'deleted' };
