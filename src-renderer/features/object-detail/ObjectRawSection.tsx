import type { PluginsResults } from '../../../src-main/api/contracts/plugins';
import { api } from '../../api/client';
import { ErrorBox } from '../../components/ErrorBox';
import { Spinner } from '../../components/Spinner';
import { useStore } from '../../stores/store';
import { RawFileList } from '../raw/RawFileList';
import { useApiResource } from './use-api-resource';

const RECENT = 10;

/** Raw files about this object (boefje output and uploads), with an upload button. */
export function ObjectRawSection({ org, pk, readOnly }: { org: string; pk: string; readOnly: boolean }) {
  const revision = useStore((s) => s.rawRevision);
  const openDialog = useStore((s) => s.openDialog);
  const res = useApiResource<PluginsResults['raw.list']>(`${org}\n${pk}\n${revision}`, () => api().call('raw.list', { org, inputPk: pk, limit: RECENT }));
  return (
    <section className="detail-section" aria-labelledby="sec-raw">
      <h3 id="sec-raw">
        Raw files {res.data && <span className="count">{res.data.total.toLocaleString()}</span>}
        {!readOnly && (
          <button type="button" className="link-button small section-action" onClick={() => openDialog({ kind: 'uploadRaw', inputPk: pk })}>
            Upload…
          </button>
        )}
      </h3>
      {res.status === 'error' && <ErrorBox error={res.error} compact />}
      {!res.data && res.status === 'loading' && <Spinner label="Loading raw files" />}
      {res.data && res.data.items.length === 0 && <div className="muted">No raw files about this object.</div>}
      {res.data && res.data.items.length > 0 && <RawFileList files={res.data.items} onOpen={(rawId) => openDialog({ kind: 'rawViewer', rawId })} />}
    </section>
  );
}
