import { AppError } from '../../common/errors';
import type { PluginDetail, pluginsContract } from '../../api/contracts/plugins';
import type { PluginCatalogue } from '../../plugins/catalogue';
import type { RawFiles } from '../../rawstore/raw-files';
import { assertOrg } from '../orgs';
import { intervals } from '../../scheduler/repository';
import type { DomainHandlers, HandlerDeps } from './deps';

/** The plugin catalogue and raw file methods. */
export function createPluginsHandlers(d: HandlerDeps): DomainHandlers<typeof pluginsContract> {
  const catalogue = (): PluginCatalogue => d.plugins ?? unavailable('The plugin catalogue');
  const raw = (): RawFiles => d.raw ?? unavailable('The raw file store');
  /** a boefje's interval lives with the scheduler (plugin_intervals) */
  const withInterval = async (org: string, detail: PluginDetail): Promise<PluginDetail> =>
    detail.kind === 'boefje' ? { ...detail, intervalMinutes: (await intervals(d.db, org)).get(detail.id) ?? null } : detail;
  return {
    'plugins.list': async (p) => {
      await assertOrg(d.db, p.org);
      return catalogue().list(p.org, { kind: p.kind, enabled: p.enabled, search: p.search });
    },
    'plugins.get': async (p) => {
      await assertOrg(d.db, p.org);
      return withInterval(p.org, await catalogue().get(p.org, p.id));
    },
    'plugins.enable': async (p) => {
      await assertOrg(d.db, p.org);
      return catalogue().setEnabled(p.org, p.id, p.enabled);
    },
    'plugins.settings.set': async (p) => {
      await assertOrg(d.db, p.org);
      return withInterval(p.org, await catalogue().setSettings(p.org, p.id, p.settings as Record<string, unknown>));
    },

    'raw.upload': async (p) => {
      await assertOrg(d.db, p.org);
      if (p.inputPk !== undefined && !(await raw().objectExists(p.org, p.inputPk))) {
        throw new AppError('NOT_FOUND', `No object "${p.inputPk}" in "${p.org}" to attach the file to`, { field: 'inputPk' });
      }
      const bytes = Buffer.from(p.contentBase64, 'base64');
      return raw().save({ org: p.org, bytes, mimeTypes: p.mimeTypes, fileName: p.fileName, source: 'upload', inputPk: p.inputPk ?? null });
    },
    'raw.get': async (p) => {
      await assertOrg(d.db, p.org);
      return raw().preview(p.org, p.id, p.as, p.maxBytes);
    },
    'raw.list': async (p) => {
      await assertOrg(d.db, p.org);
      return raw().list(p.org, { taskId: p.taskId, inputPk: p.inputPk, offset: p.offset, limit: p.limit });
    },
  };
}

function unavailable(what: string): never {
  throw new AppError('INTERNAL', `${what} is not configured in this core`);
}
