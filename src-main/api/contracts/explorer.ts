import { z } from 'zod';
import { OrgCode, Pk, Timestamp, TypeName } from '../schemas';
import type { ExplorerEdge, ExplorerGraph } from '../../explorer/elements';

/** The graph explorer: neighbourhoods with aggregation, shortest paths, time travel, saved views. */
const AsOfTime = Timestamp.optional().describe('the graph as it was at this valid time (default: now)');
const AggregateOver = z
  .number()
  .int()
  .min(1)
  .max(100_000)
  .default(25)
  .describe('more than this many neighbours of one type over one attribute and direction become one collection node');
const Pks = z.array(Pk).min(1).max(5000);

export const LAYOUTS = ['fcose', 'dagre', 'breadthfirst', 'concentric', 'cose'] as const;

export const ViewStateSchema = z
  .object({
    start: z.array(Pk).max(5000),
    filters: z
      .object({
        types: z.array(TypeName).max(200).optional(),
        levels: z.array(z.number().int().min(0).max(4)).max(5).optional(),
        severities: z.array(z.string().min(1).max(40)).max(10).optional(),
        origins: z.array(z.string().min(1).max(40)).max(10).optional(),
      })
      .strict(),
    layout: z.enum(LAYOUTS),
    positions: z.record(z.string().max(4200), z.object({ x: z.number().finite(), y: z.number().finite() }).strict()),
    asOf: Timestamp.nullable(),
    expanded: z.array(z.string().max(4200)).max(20_000),
    search: z.string().max(200).optional(),
  })
  .strict();
export type ViewState = z.output<typeof ViewStateSchema>;

const ViewId = z.string().min(1).max(100).describe('a saved view id');

export const explorerContract = {
  'explorer.open': {
    input: z
      .object({
        org: OrgCode,
        start: Pks,
        depth: z.number().int().min(1).max(3).default(1),
        asOf: AsOfTime,
        aggregateOver: AggregateOver,
        types: z.array(TypeName).max(200).optional().describe('only neighbours of these types (abstract types include subtypes); the start objects always stay'),
      })
      .strict(),
    doc: 'The start objects and their neighbours both ways up to depth (not walking through non-traversable types), with many siblings aggregated into collection nodes.',
  },
  'explorer.expand': {
    input: z
      .object({
        org: OrgCode,
        pk: Pk,
        asOf: AsOfTime,
        aggregateOver: AggregateOver,
        exclude: z.array(z.string().max(4200)).max(50_000).optional().describe('pks already drawn: not returned as nodes, edges to them are'),
      })
      .strict(),
    doc: 'The neighbours of one node both ways (a non-traversable node is expanded too: it is the one asked for), aggregated; edges to drawn nodes included.',
  },
  'explorer.expandCollection': {
    input: z
      .object({
        org: OrgCode,
        id: z.string().min(5).max(4200).describe("a collection id 'agg:<parent>|<attr>|<dir>|<type>'"),
        asOf: AsOfTime,
        offset: z.number().int().min(0).max(10_000_000).default(0),
        limit: z.number().int().min(1).max(5000).default(200),
      })
      .strict(),
    doc: "A page of a collection's members as object nodes with their edges to the collection's parent.",
  },
  'explorer.paths': {
    input: z
      .object({
        org: OrgCode,
        from: Pk,
        to: Pk,
        maxHops: z.number().int().min(1).max(12).default(8),
        avoidTypes: z.array(TypeName).max(200).optional().describe('never pass through objects of these types (abstract types include subtypes)'),
        limit: z.number().int().min(1).max(100).default(5).describe('shortest paths returned at most'),
        asOf: AsOfTime,
      })
      .strict(),
    doc: 'Shortest paths between two objects over references in both directions, computed in the database; hops null when none within maxHops.',
  },
  'explorer.compare': {
    input: z.object({ org: OrgCode, pks: Pks, from: Timestamp, to: Timestamp }).strict(),
    doc: 'The neighbourhood (depth 1) of the drawn objects at two valid times, with what was added, removed and changed (attribute by attribute).',
  },
  'explorer.timeline': {
    input: z.object({ org: OrgCode, pks: z.array(Pk).max(5000).optional() }).strict(),
    doc: 'The valid times at which the objects (or the whole organisation) changed: first, last and up to 500 distinct points, for the time slider.',
  },
  'views.list': { input: z.object({ org: OrgCode }).strict(), doc: "The organisation's saved explorer views, newest first." },
  'views.get': { input: z.object({ org: OrgCode, id: ViewId }).strict(), doc: 'One saved view.' },
  'views.save': {
    input: z
      .object({
        org: OrgCode,
        id: ViewId.optional().describe('update this view; without it a new view is created'),
        name: z.string().trim().min(1, 'a name is required').max(200),
        state: ViewStateSchema,
      })
      .strict(),
    doc: 'Saves an explorer view (start objects, filters, layout, positions, as-of time); with id, replaces that view.',
  },
  'views.delete': { input: z.object({ org: OrgCode, id: ViewId }).strict(), doc: 'Deletes a saved view.' },
} as const;

export interface SavedView {
  id: string;
  org: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  state: ViewState;
}

export interface ExplorerPath {
  /** pks from `from` to `to` */
  nodes: string[];
  /** edge ids along it */
  edges: string[];
}

export interface PathsResult {
  paths: ExplorerPath[];
  /** the union of the paths' nodes and edges */
  graph: ExplorerGraph;
  /** hops of the shortest path; null: none within maxHops */
  hops: number | null;
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface CompareResult {
  added: string[];
  removed: string[];
  changed: { pk: string; changes: FieldChange[] }[];
  edgesAdded: ExplorerEdge[];
  edgesRemoved: ExplorerEdge[];
  graphFrom: ExplorerGraph;
  graphTo: ExplorerGraph;
}

export interface Timeline {
  first: string | null;
  last: string | null;
  /** distinct valid times of changes, ascending, at most 500 */
  points: string[];
}

export interface ExplorerResults {
  'explorer.open': ExplorerGraph;
  'explorer.expand': ExplorerGraph;
  'explorer.expandCollection': ExplorerGraph;
  'explorer.paths': PathsResult;
  'explorer.compare': CompareResult;
  'explorer.timeline': Timeline;
  'views.list': { views: SavedView[] };
  'views.get': SavedView;
  'views.save': SavedView;
  'views.delete': { deleted: true };
}
