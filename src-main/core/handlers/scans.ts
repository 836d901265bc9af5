import { AppError } from '../../common/errors';
import type { scansContract } from '../../api/contracts/scans';
import type { TaskService } from '../../tasks/service';
import type { ContainerRuntime } from '../../runner/runtime';
import { assertOrg } from '../orgs';
import type { DomainHandlers, HandlerDeps } from './deps';

/** Tasks, scan now, eligibility and the container engine. */
export function createScansHandlers(d: HandlerDeps): DomainHandlers<typeof scansContract> {
  const tasks = (): TaskService => d.tasks ?? unavailable('The task service');
  const runtime = (): ContainerRuntime => d.runtime ?? unavailable('The container runtime');
  return {
    'tasks.list': async (p) => {
      await assertOrg(d.db, p.org);
      return tasks().list(p.org, p);
    },
    'tasks.get': async (p) => {
      await assertOrg(d.db, p.org);
      return tasks().get(p.org, p.id);
    },
    'tasks.cancel': async (p) => {
      await assertOrg(d.db, p.org);
      return tasks().cancel(p.org, p.id);
    },
    'tasks.retry': async (p) => {
      await assertOrg(d.db, p.org);
      return tasks().retry(p.org, p.id);
    },
    'scans.now': async (p) => {
      await assertOrg(d.db, p.org);
      await requireEngine(runtime());
      return tasks().scanNow(p.org, p.pks, p.pluginIds);
    },
    'scans.eligible': async (p) => {
      await assertOrg(d.db, p.org);
      return tasks().eligible(p.org, p.pk);
    },
    'scans.eligibleObjects': async (p) => {
      await assertOrg(d.db, p.org);
      return tasks().eligibleObjects(p.org, p.pluginId, p.offset, p.limit);
    },
    'engine.status': async (p) => {
      const s = await runtime().status(p.refresh);
      if (s.available) d.onEngineAvailable?.();
      return s;
    },
  };
}

/** Scanning needs an engine (asked again when the cached answer says there is none). */
async function requireEngine(rt: ContainerRuntime): Promise<void> {
  let s = await rt.status();
  if (!s.available) s = await rt.status(true);
  if (!s.available) throw new AppError('ENGINE_UNAVAILABLE', `Scanning is disabled: ${s.reason}`, { hint: s.hint, tried: s.tried });
}

function unavailable(what: string): never {
  throw new AppError('INTERNAL', `${what} is not configured in this core`);
}
