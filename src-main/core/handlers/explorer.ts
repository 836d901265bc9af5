import type { explorerContract } from '../../api/contracts/explorer';
import { compareTimes, timeline } from '../../explorer/db/compare';
import { expandCollection, expandNode, openGraph, type Ctx } from '../../explorer/db/neighbourhood';
import { findPaths } from '../../explorer/db/paths';
import { asOfSource, currentSource } from '../../explorer/db/source';
import { deleteView, getView, listViews, saveView } from '../../explorer/db/views';
import { assertOrg } from '../orgs';
import type { DomainHandlers, HandlerDeps } from './deps';

/** The graph explorer (neighbourhoods, paths, time travel) and its saved views. */
export function createExplorerHandlers(d: HandlerDeps): DomainHandlers<typeof explorerContract> {
  const { db, clock } = d;
  /** after checking the organisation: the current graph, or the history as of a valid time */
  const ctx = async (org: string, asOf?: string): Promise<Ctx> => {
    await assertOrg(db, org);
    const now = clock.now();
    const src = asOf === undefined ? currentSource(db, org) : asOfSource(db, org, new Date(asOf).toISOString());
    return { q: db, org, src, now };
  };
  return {
    'explorer.open': async (p) =>
      openGraph(await ctx(p.org, p.asOf), { start: p.start, depth: p.depth, aggregateOver: p.aggregateOver, types: p.types }),
    'explorer.expand': async (p) => expandNode(await ctx(p.org, p.asOf), { pk: p.pk, aggregateOver: p.aggregateOver, exclude: p.exclude }),
    'explorer.expandCollection': async (p) => expandCollection(await ctx(p.org, p.asOf), { id: p.id, offset: p.offset, limit: p.limit }),
    'explorer.paths': async (p) =>
      findPaths(await ctx(p.org, p.asOf), { from: p.from, to: p.to, maxHops: p.maxHops, avoidTypes: p.avoidTypes, limit: p.limit }),
    'explorer.compare': async (p) => {
      const c = await ctx(p.org);
      return compareTimes(c, p.pks, new Date(p.from).toISOString(), new Date(p.to).toISOString());
    },
    'explorer.timeline': async (p) => {
      await assertOrg(db, p.org);
      return timeline(db, p.org, p.pks);
    },
    'views.list': async (p) => {
      await assertOrg(db, p.org);
      return { views: await listViews(db, p.org) };
    },
    'views.get': async (p) => {
      await assertOrg(db, p.org);
      return getView(db, p.org, p.id);
    },
    'views.save': async (p) => {
      await assertOrg(db, p.org);
      return saveView(db, p.org, clock.now(), { id: p.id, name: p.name, state: p.state });
    },
    'views.delete': async (p) => {
      await assertOrg(db, p.org);
      await deleteView(db, p.org, p.id);
      return { deleted: true as const };
    },
  };
}
