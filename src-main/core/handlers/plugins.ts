import type { pluginsContract } from '../../api/contracts/plugins';
import type { DomainHandlers, HandlerDeps } from './deps';

export function createPluginsHandlers(_d: HandlerDeps): DomainHandlers<typeof pluginsContract> {
  return {};
}
