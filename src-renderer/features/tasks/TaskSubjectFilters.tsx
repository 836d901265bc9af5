import { useEffect, useState } from 'react';
import { Icon } from '../../components/Icon';
import { useStore } from '../../stores/store';

/** Filters the tasks by plugin (from the catalogue) and by the object they are about (a primary key). */
export function TaskSubjectFilters() {
  const pluginId = useStore((s) => s.taskFilter.pluginId);
  const inputPk = useStore((s) => s.taskFilter.inputPk);
  const plugins = useStore((s) => s.plugins);
  const pluginsStatus = useStore((s) => s.pluginsStatus);
  const loadPlugins = useStore((s) => s.loadPlugins);
  const setFilter = useStore((s) => s.setTaskFilter);
  const [pk, setPk] = useState(inputPk ?? '');

  useEffect(() => {
    if (pluginsStatus === 'idle') void loadPlugins();
  }, [pluginsStatus, loadPlugins]);
  useEffect(() => {
    setPk(inputPk ?? '');
  }, [inputPk]);

  const applyPk = () => {
    const next = pk.trim() || null;
    if (next !== inputPk) setFilter({ inputPk: next });
  };
  const known = plugins.some((p) => p.id === pluginId);

  return (
    <>
      <select aria-label="Filter by plugin" className="small-select" value={pluginId ?? ''} onChange={(e) => setFilter({ pluginId: e.target.value || null })}>
        <option value="">All plugins</option>
        {pluginId && !known && <option value={pluginId}>{pluginId}</option>}
        {plugins.map((p) => (
          <option key={p.id} value={p.id}>
            {p.id}
          </option>
        ))}
      </select>
      <div className="object-filter">
        <input
          className="mono small-input"
          aria-label="Filter by object"
          placeholder="Object, e.g. Hostname|internet|example.org"
          value={pk}
          spellCheck={false}
          onChange={(e) => setPk(e.target.value)}
          onBlur={applyPk}
          onKeyDown={(e) => e.key === 'Enter' && applyPk()}
        />
        {inputPk && (
          <button type="button" className="icon-button subtle" aria-label="Clear object filter" onClick={() => setFilter({ inputPk: null })}>
            <Icon name="close" size={12} />
          </button>
        )}
      </div>
    </>
  );
}
