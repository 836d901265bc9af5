import { AppError } from '../../common/errors';
import type { explorerContract } from '../../api/contracts/explorer';
import { deleteView, getView, listViews, saveView } from '../../explorer/db/views';
import { assertOrg } from '../orgs';
import type { DomainHandlers, HandlerDeps } from './deps';

const notYet = (m: string) => new AppError('INTERNAL', `${m} is not built yet`);

/** The graph explorer (neighbourhoods, paths, time travel) and its saved views. */
export function createExplorerHandlers(d: HandlerDeps): DomainHandlers<typeof explorerContract> {
  const { db, clock } = d;
  return {
    'explorer.open': async () => {
      throw notYet('explorer.open');
    },
    'explorer.expand': async () => {
      throw notYet('explorer.expand');
    },
    'explorer.expandCollection': async () => {
      throw notYet('explorer.expandCollection');
    },
    'explorer.paths': async () => {
      throw notYet('explorer.paths');
    },
    'explorer.compare': async () => {
      throw notYet('explorer.compare');
    },
    'explorer.timeline': async () => {
      throw notYet('explorer.timeline');
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
