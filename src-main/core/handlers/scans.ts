import type { scansContract } from '../../api/contracts/scans';
import type { DomainHandlers, HandlerDeps } from './deps';

export function createScansHandlers(_d: HandlerDeps): DomainHandlers<typeof scansContract> {
  return {};
}
