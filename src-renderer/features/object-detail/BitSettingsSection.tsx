import type { BitsResults } from '../../../src-main/api/contracts/bits';
import { api } from '../../api/client';
import { ErrorBox } from '../../components/ErrorBox';
import { Spinner } from '../../components/Spinner';
import { useStore } from '../../stores/store';
import { useApiResource } from './use-api-resource';

/** On a Network's page: the bits configured per network, each a link to its settings for this network. */
export function BitSettingsSection({ org, pk }: { org: string; pk: string }) {
  const revision = useStore((s) => s.changeRevision);
  const showBitSettings = useStore((s) => s.showBitSettings);
  const res = useApiResource<BitsResults['bits.config.list']>(`${org}\n${revision}`, () => api().call('bits.config.list', { org }));
  const type = pk.slice(0, pk.indexOf('|'));
  const bits = res.data?.bits.filter((b) => b.holderTypes.includes(type)) ?? [];
  if (res.data && bits.length === 0) return null;
  return (
    <section className="detail-section" aria-labelledby="sec-bit-settings">
      <h3 id="sec-bit-settings">Bit settings</h3>
      {res.status === 'error' && <ErrorBox error={res.error} compact />}
      {!res.data && res.status === 'loading' && <Spinner label="Loading bit settings" />}
      {bits.length > 0 && (
        <ul className="ref-list">
          {bits.map((b) => {
            const custom = b.configs.some((c) => c.ooi === pk);
            return (
              <li key={b.id}>
                <button type="button" className="link-button" onClick={() => showBitSettings(b.id, pk)} aria-label={`Bit settings: ${b.name}`}>
                  {b.name}
                </button>{' '}
                <span className="muted small">{custom ? 'custom for this network' : 'defaults'}</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
