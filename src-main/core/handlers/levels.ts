import type { levelsContract } from '../../api/contracts/levels';
import type { DomainHandlers, HandlerDeps } from './deps';

export function createLevelsHandlers(_d: HandlerDeps): DomainHandlers<typeof levelsContract> {
  return {};
}
