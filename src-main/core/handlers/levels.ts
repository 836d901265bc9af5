import { AppError } from '../../common/errors';
import type { levelsContract } from '../../api/contracts/levels';
import type { LevelService } from '../../levels/service';
import type { DomainHandlers, HandlerDeps } from './deps';

/** Scan levels and the organisation clearance. */
export function createLevelsHandlers(d: HandlerDeps): DomainHandlers<typeof levelsContract> {
  const levels = (): LevelService => {
    if (!d.levels) throw new AppError('INTERNAL', 'Scan levels are not available in this core');
    return d.levels;
  };
  return {
    'levels.get': async (p) => levels().get(p.org, p.pk),
    'levels.list': async (p) => levels().list(p.org, p.pks),
    'levels.declare': async (p) => levels().declare(p.org, p.pks, p.level),
    'levels.reset': async (p) => levels().reset(p.org, p.pks),
    'levels.recalculate': async (p) => levels().recalculate(p.org),
    'orgs.clearance.get': async (p) => levels().clearance(p.org),
    'orgs.clearance.acknowledge': async (p) => levels().acknowledge(p.org, p.maxLevel, p.acknowledgedBy),
  };
}
