import type { BitsResults } from '../../../src-main/api/contracts/bits';
import type { PluginDetail } from '../../../src-main/api/contracts/plugins';
import { api } from '../../api/client';
import { ErrorBox } from '../../components/ErrorBox';
import { Spinner } from '../../components/Spinner';
import { useStore } from '../../stores/store';
import { useApiResource } from '../object-detail/use-api-resource';
import { BitActivity } from './BitActivity';
import { BitConfigSection } from './BitConfigSection';

/** The parts of a plugin's detail that only bits have: what it concludes, its failures, re-run, and its settings per network. */
export function BitSections({ org, plugin }: { org: string; plugin: PluginDetail }) {
  const objectsRevision = useStore((s) => s.changeRevision);
  const takesConfig = !!(plugin.manifest && typeof plugin.manifest.config === 'object' && plugin.manifest.config);
  const list = useApiResource<BitsResults['bits.config.list']>(takesConfig ? `${org}\n${plugin.id}\n${objectsRevision}` : null, () =>
    api().call('bits.config.list', { org, bitId: plugin.id }),
  );
  const bit = list.data?.bits.find((b) => b.id === plugin.id) ?? null;
  return (
    <>
      <BitActivity org={org} bitId={plugin.id} enabled={plugin.enabled} />
      {takesConfig && (
        <>
          {list.status === 'error' && <ErrorBox error={list.error} compact />}
          {!bit && list.status === 'loading' && <Spinner label="Loading the bit's settings" />}
          {bit && <BitConfigSection org={org} bit={bit} />}
        </>
      )}
    </>
  );
}
