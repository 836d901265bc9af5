import type { MethodName } from './contract';

/**
 * The contract's method names as a plain list, for the Electron preload: a sandboxed preload must
 * not pull in zod or the schemas. test/unit/hosts/methods.test.ts asserts it equals
 * Object.keys(contract), and `satisfies` rejects a name that is not in the contract.
 */
export const METHOD_NAMES = [
  'system.listApi',
  'system.multicall',
  'system.info',
  'orgs.list',
  'orgs.create',
  'orgs.rename',
  'orgs.delete',
  'types.list',
  'objects.list',
  'objects.get',
  'objects.declare',
  'objects.delete',
  'objects.history',
  'objects.diff',
  'objects.importCsv',
  'origins.list',
  'origins.save',
  'query.path',
  'query.tree',
  'query.validatePath',
  'levels.get',
  'levels.list',
  'levels.declare',
  'levels.reset',
  'levels.recalculate',
  'orgs.clearance.get',
  'orgs.clearance.acknowledge',
  'plugins.list',
  'plugins.get',
  'plugins.enable',
  'plugins.settings.set',
  'raw.upload',
  'raw.get',
  'raw.list',
  'tasks.list',
  'tasks.get',
  'tasks.cancel',
  'tasks.retry',
  'scans.now',
  'scans.eligible',
  'scans.eligibleObjects',
  'engine.status',
  'schedules.list',
  'schedules.create',
  'schedules.update',
  'schedules.delete',
  'schedules.preview',
  'schedules.runNow',
  'plugins.interval.set',
  'bits.status',
  'bits.failures',
  'bits.run',
  'bits.config.list',
  'bits.config.get',
  'bits.config.set',
  'bits.config.reset',
  'findings.list',
  'findings.counts',
  'findings.get',
  'findings.mute',
  'findings.unmute',
  'objects.proof',
] as const satisfies readonly MethodName[];

const KNOWN: ReadonlySet<string> = new Set(METHOD_NAMES);

export function isMethodName(m: unknown): m is MethodName {
  return typeof m === 'string' && KNOWN.has(m);
}
