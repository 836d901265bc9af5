import { AppError } from '../../common/errors';
import type { schedulesContract } from '../../api/contracts/schedules';
import type { SchedulerService } from '../../scheduler/service';
import { assertOrg } from '../orgs';
import type { DomainHandlers, HandlerDeps } from './deps';

/** Schedules and per-plugin intervals. */
export function createSchedulesHandlers(d: HandlerDeps): DomainHandlers<typeof schedulesContract> {
  const scheduler = (): SchedulerService => d.scheduler ?? unavailable();
  return {
    'schedules.list': async (p) => {
      await assertOrg(d.db, p.org);
      return scheduler().list(p.org);
    },
    'schedules.create': async ({ org, ...fields }) => {
      await assertOrg(d.db, org);
      return scheduler().create(org, fields);
    },
    'schedules.update': async ({ org, id, ...patch }) => {
      await assertOrg(d.db, org);
      return scheduler().update(org, id, patch);
    },
    'schedules.delete': async (p) => {
      await assertOrg(d.db, p.org);
      return scheduler().remove(p.org, p.id);
    },
    'schedules.preview': async (p) => {
      await assertOrg(d.db, p.org);
      if (!p.id && !p.draft) throw new AppError('BAD_REQUEST', 'Give the id of a schedule or a draft to preview', { field: 'id' });
      return scheduler().preview(p.org, { id: p.id, draft: p.draft });
    },
    'schedules.runNow': async (p) => {
      await assertOrg(d.db, p.org);
      return scheduler().runNow(p.org, p.id);
    },
    'plugins.interval.set': async (p) => {
      await assertOrg(d.db, p.org);
      return scheduler().setInterval(p.org, p.id, p.intervalMinutes);
    },
  };
}

function unavailable(): never {
  throw new AppError('INTERNAL', 'The scheduler is not configured in this core');
}
