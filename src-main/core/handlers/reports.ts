import { AppError } from '../../common/errors';
import type { reportsContract } from '../../api/contracts/reports';
import type { ReportService } from '../../reports/service';
import type { ReportRecipeService } from '../../reports/recipes';
import { assertOrg } from '../orgs';
import type { DomainHandlers, HandlerDeps } from './deps';

/** Reports: made, stored, compared, exported; recipes that make them on a recurrence. */
export function createReportsHandlers(d: HandlerDeps): DomainHandlers<typeof reportsContract> {
  const reports = (): ReportService => d.reports ?? unavailable('reports');
  const recipes = (): ReportRecipeService => d.reportRecipes ?? unavailable('report recipes');
  return {
    'reports.types': async () => ({ types: reports().types() }),
    'reports.check': async (p) => {
      await assertOrg(d.db, p.org);
      return reports().check(p.org, p.type, p.inputs);
    },
    'reports.create': async (p) => {
      await assertOrg(d.db, p.org);
      return reports().create(p.org, { type: p.type, inputs: p.inputs, asOf: p.asOf, name: p.name });
    },
    'reports.list': async (p) => {
      await assertOrg(d.db, p.org);
      return reports().list(p.org, { type: p.type, limit: p.limit, offset: p.offset });
    },
    'reports.get': async (p) => {
      await assertOrg(d.db, p.org);
      return reports().get(p.org, p.id);
    },
    'reports.delete': async (p) => {
      await assertOrg(d.db, p.org);
      return reports().remove(p.org, p.id);
    },
    'reports.regenerate': async (p) => {
      await assertOrg(d.db, p.org);
      return reports().regenerate(p.org, p.id, p.store);
    },
    'reports.changes': async (p) => {
      await assertOrg(d.db, p.org);
      return reports().changes(p.org, p.id);
    },
    'reports.exportData': async (p) => {
      await assertOrg(d.db, p.org);
      return reports().exportData(p.org, p.id, p.format);
    },
    'reports.pdf': async (p) => {
      await assertOrg(d.db, p.org);
      return reports().pdf(p.org, p.id);
    },
    'reports.recipes.list': async (p) => {
      await assertOrg(d.db, p.org);
      return { recipes: await recipes().list(p.org) };
    },
    'reports.recipes.save': async ({ org, ...fields }) => {
      await assertOrg(d.db, org);
      return recipes().save(org, fields);
    },
    'reports.recipes.delete': async (p) => {
      await assertOrg(d.db, p.org);
      return recipes().remove(p.org, p.id);
    },
  };
}

function unavailable(what: string): never {
  throw new AppError('INTERNAL', `The ${what} service is not configured in this core`);
}
