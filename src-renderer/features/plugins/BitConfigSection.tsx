import { useState } from 'react';
import type { Input } from '../../../src-main/api/contract';
import type { BitConfigView, BitsResults } from '../../../src-main/api/contracts/bits';
import type { ObjectPage } from '../../../src-main/api/types';
import { api, ApiError } from '../../api/client';
import { ErrorBox } from '../../components/ErrorBox';
import { Spinner } from '../../components/Spinner';
import { formatDate } from '../../components/format';
import { useStore } from '../../stores/store';
import type { ErrorInfo } from '../../stores/types';
import { useApiResource } from '../object-detail/use-api-resource';
import { SettingsForm } from './SettingsForm';
import { withoutDefaults, type Payload } from './settings-form';

type Listed = BitsResults['bits.config.list']['bits'][number];

const HOLDERS_SHOWN = 500;

/**
 * A bit's configuration per network (OpenKAT's Question answered by a Config): pick the object
 * that holds it (the Network objects of the organisation), edit the form generated from the bit's
 * schema, save or reset. Saving re-runs the bit on everything that network configures.
 */
export function BitConfigSection({ org, bit }: { org: string; bit: Listed }) {
  const wanted = useStore((s) => s.bitConfigOoi);
  const setWanted = useStore((s) => s.setBitConfigOoi);
  const objectsRevision = useStore((s) => s.changeRevision);
  const toast = useStore((s) => s.toast);
  const [version, setVersion] = useState(0);
  const [resetting, setResetting] = useState(false);
  const [resetError, setResetError] = useState<ErrorInfo | null>(null);

  const holders = useApiResource<ObjectPage>(`${org}\n${bit.holderTypes.join(',')}\n${objectsRevision}`, () =>
    api().call('objects.list', { org, types: bit.holderTypes, limit: HOLDERS_SHOWN }),
  );
  const pks = holders.data?.items.map((o) => o.pk) ?? [];
  const configured = new Set(bit.configs.map((c) => c.ooi));
  const fallback = bit.configs[0]?.ooi ?? (pks.includes('Network|internet') ? 'Network|internet' : pks[0]) ?? null;
  const ooi = wanted && (pks.includes(wanted) || configured.has(wanted)) ? wanted : fallback;
  const view = useApiResource<BitConfigView>(ooi ? `${org}\n${bit.id}\n${ooi}\n${version}` : null, () => api().call('bits.config.get', { org, bitId: bit.id, ooi: ooi! }));
  const v = view.data && view.data.ooi === ooi && view.data.bitId === bit.id ? view.data : null;
  const holderLabel = bit.holderTypes.join(' / ');

  const save = async (payload: Payload) => {
    const config = withoutDefaults(payload, bit.defaults) as Input<'bits.config.set'>['config'];
    await api().call('bits.config.set', { org, bitId: bit.id, ooi: ooi!, config });
    toast('success', `${bit.name} on ${ooi}: saved; the bit ran again.`);
    setVersion((n) => n + 1);
  };

  const reset = async () => {
    setResetting(true);
    setResetError(null);
    try {
      await api().call('bits.config.reset', { org, bitId: bit.id, ooi: ooi! });
      toast('success', `${bit.name} on ${ooi}: back to the defaults.`);
      setVersion((n) => n + 1);
    } catch (e) {
      const err = ApiError.from(e);
      setResetError({ code: err.code, message: err.message, details: err.details });
    } finally {
      setResetting(false);
    }
  };

  return (
    <section className="detail-section" aria-labelledby="sec-bit-config">
      <h3 id="sec-bit-config">Settings per {holderLabel.toLowerCase()}</h3>
      <p className="muted small">
        Read from the {holderLabel} an object belongs to (<span className="mono">{bit.path}</span>). Saving runs the bit again on everything it configures.
      </p>
      {holders.status === 'error' && <ErrorBox error={holders.error} compact />}
      {!holders.data && holders.status === 'loading' && <Spinner label={`Loading ${holderLabel} objects`} />}
      {holders.data && pks.length === 0 && configured.size === 0 && (
        <div className="muted" data-testid="bit-config-empty">
          No {holderLabel} object in this organisation yet. Add one (e.g. <span className="mono">Network|internet</span>, which declaring any address creates) to
          configure this bit.
        </div>
      )}
      {ooi && (
        <>
          <div className="form-field inline bit-config-holder">
            <label htmlFor={`bit-config-holder-${bit.id}`}>{holderLabel}</label>
            <select
              id={`bit-config-holder-${bit.id}`}
              className="small-select"
              value={ooi}
              onChange={(e) => {
                setResetError(null);
                setWanted(e.target.value);
              }}
            >
              {[...new Set([...pks, ...configured])].sort().map((pk) => (
                <option key={pk} value={pk}>
                  {pk.slice(pk.indexOf('|') + 1)}
                  {configured.has(pk) ? ' (custom)' : ''}
                </option>
              ))}
            </select>
            {holders.data && holders.data.total > pks.length && <span className="muted small">first {pks.length.toLocaleString()} shown</span>}
          </div>
          {view.status === 'error' && <ErrorBox error={view.error} compact />}
          {!v && view.status === 'loading' && <Spinner label="Loading the configuration" />}
          {v && (
            <>
              <div className="muted small bit-config-state" data-testid="bit-config-state" role="note">
                {v.saved === null || Object.keys(v.saved).length === 0
                  ? 'Using the defaults.'
                  : `Custom: ${Object.keys(v.saved).sort().join(', ')}${v.updatedAt ? ` (saved ${formatDate(v.updatedAt)})` : ''}.`}
              </div>
              <SettingsForm
                key={`${v.ooi}\n${v.updatedAt ?? 'defaults'}\n${version}`}
                pluginId={`${bit.id}-config`}
                schema={v.schema}
                settings={v.effective}
                secretsSet={[]}
                onSave={save}
                label={`Settings of ${bit.name} for ${v.ooi}`}
                saveLabel="Save"
                actions={
                  <button type="button" className="button ghost" disabled={resetting || v.saved === null} title="Remove the saved values: the defaults apply again" onClick={() => void reset()}>
                    {resetting ? 'Resetting…' : 'Reset to defaults'}
                  </button>
                }
              />
              <ErrorBox error={resetError} compact />
            </>
          )}
        </>
      )}
    </section>
  );
}
