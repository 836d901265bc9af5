import { useState } from 'react';
import type { Input } from '../../../src-main/api/contract';
import type { PluginDetail } from '../../../src-main/api/contracts/plugins';
import { api } from '../../api/client';
import { ErrorBox } from '../../components/ErrorBox';
import { Icon } from '../../components/Icon';
import { Spinner } from '../../components/Spinner';
import { Toggle } from '../../components/Toggle';
import { formatDate, formatMinutes } from '../../components/format';
import { useStore } from '../../stores/store';
import { useApiResource } from '../object-detail/use-api-resource';
import { BitSections } from './BitSections';
import { EligibleObjects } from './EligibleObjects';
import { PluginInterval } from './PluginInterval';
import { PluginTasks } from './PluginTasks';
import { SettingsForm } from './SettingsForm';
import type { Payload } from './settings-form';

function Types({ items }: { items: readonly string[] }) {
  if (items.length === 0) return <span className="muted">—</span>;
  return (
    <span className="type-list">
      {items.map((t) => (
        <span key={t} className={t.includes('/') ? 'mime-chip' : 'type-chip'}>
          {t}
        </span>
      ))}
    </span>
  );
}

/** The boefje's interval if the core reports one with the plugin (undefined: not told). */
function storedInterval(p: PluginDetail): number | null | undefined {
  if (!('intervalMinutes' in p)) return undefined;
  const v = p.intervalMinutes;
  return typeof v === 'number' || v === null ? v : undefined;
}

/** One plugin: what it does, enablement, its settings form, its tasks and (boefjes) where it may run; for bits what they conclude and their settings per network. */
export function PluginDetailPanel() {
  const org = useStore((s) => s.currentOrg);
  const id = useStore((s) => s.openPluginId);
  const revision = useStore((s) => s.pluginsRevision);
  const openPlugin = useStore((s) => s.openPlugin);
  const enablePlugin = useStore((s) => s.enablePlugin);
  const toast = useStore((s) => s.toast);
  const [busy, setBusy] = useState(false);
  const res = useApiResource<PluginDetail>(org && id ? `${org}\n${id}\n${revision}` : null, () => api().call('plugins.get', { org: org!, id: id! }));
  if (!org || !id) return null;
  const p = res.data && res.data.id === id ? res.data : null;

  const save = async (settings: Payload) => {
    await api().call('plugins.settings.set', { org, id, settings: settings as Input<'plugins.settings.set'>['settings'] });
    toast('success', `Settings of ${p?.name ?? id} saved.`);
  };

  return (
    <aside className="detail-panel" aria-label="Plugin detail">
      <header className="detail-header">
        <div className="detail-title">
          {p && <span className={`kind-chip kind-${p.kind}`}>{p.kind}</span>}
          <h2>{p?.name ?? id}</h2>
        </div>
        <div className="detail-actions">
          <button type="button" className="icon-button" aria-label="Close detail" title="Close (Esc)" onClick={() => openPlugin(null)}>
            <Icon name="close" />
          </button>
        </div>
      </header>
      <div className="detail-body">
        {res.status === 'error' && <ErrorBox error={res.error} compact />}
        {!p && res.status === 'loading' && <Spinner label="Loading plugin" />}
        {p && (
          <>
            <section className="detail-section">
              {p.description && <p>{p.description}</p>}
              <div className="enable-line">
                <Toggle
                  checked={p.enabled}
                  label={`Enable ${p.name}`}
                  showLabel
                  disabled={p.broken}
                  busy={busy}
                  onChange={async (on) => {
                    setBusy(true);
                    await enablePlugin(p.id, on);
                    setBusy(false);
                  }}
                />
                {p.missingSettings.length > 0 && <span className="warn-chip">required: {p.missingSettings.join(', ')}</span>}
              </div>
              {p.broken && (
                <div className="notice notice-danger" role="alert">
                  <strong>This plugin is broken and cannot run.</strong>
                  {p.errors.map((e, i) => (
                    <ErrorBox key={i} error={e} compact />
                  ))}
                </div>
              )}
              <dl className="attr-list">
                <div className="attr-row">
                  <dt>id</dt>
                  <dd className="mono">{p.id}</dd>
                </div>
                <div className="attr-row">
                  <dt>version</dt>
                  <dd className="mono">{p.version ?? '—'}</dd>
                </div>
                {p.scanLevel !== null && (
                  <div className="attr-row">
                    <dt>scan level</dt>
                    <dd>
                      <span className={`level-badge level-${p.scanLevel} level-declared`}>L{p.scanLevel}</span>{' '}
                      <span className="muted small">objects need at least this level</span>
                    </dd>
                  </div>
                )}
                <div className="attr-row">
                  <dt>consumes</dt>
                  <dd>
                    <Types items={p.consumes} />
                  </dd>
                </div>
                <div className="attr-row">
                  <dt>produces</dt>
                  <dd>
                    <Types items={p.produces} />
                  </dd>
                </div>
              </dl>
            </section>
            {p.kind === 'boefje' && !p.broken && (
              <section className="detail-section" aria-labelledby="sec-settings">
                <h3 id="sec-settings">
                  Settings {p.settingsUpdatedAt && <span className="muted small">saved {formatDate(p.settingsUpdatedAt)}</span>}
                </h3>
                <SettingsForm key={`${p.id}-${p.settingsUpdatedAt}`} pluginId={p.id} schema={p.settingsSchema} settings={p.settings} secretsSet={p.secretsSet} onSave={save} />
              </section>
            )}
            {p.kind === 'boefje' && !p.broken && (
              <PluginInterval
                key={p.id}
                org={org}
                pluginId={p.id}
                initial={storedInterval(p)}
                onSaved={(m) => toast('success', `${p.name}: ${m === null ? 'default interval (24 h)' : `runs at most every ${formatMinutes(m)}`}.`)}
              />
            )}
            {p.kind === 'bit' && !p.broken && <BitSections org={org} plugin={p} />}
            {p.kind !== 'bit' && <PluginTasks org={org} pluginId={p.id} />}
            {p.kind === 'boefje' && !p.broken && <EligibleObjects org={org} pluginId={p.id} scanLevel={p.scanLevel} />}
          </>
        )}
      </div>
    </aside>
  );
}
