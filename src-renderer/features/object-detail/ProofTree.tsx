import type { ProofNode, ProofOrigin, ProofTree as Tree } from '../../../src-main/api/contracts/findings';
import { api } from '../../api/client';
import { OriginBadge } from '../../components/Badge';
import { ErrorBox } from '../../components/ErrorBox';
import { PkLabel } from '../../components/PkLabel';
import { Spinner } from '../../components/Spinner';
import { formatDate } from '../../components/format';
import { useStore } from '../../stores/store';
import { useApiResource } from './use-api-resource';

/** levels shown expanded at first; deeper ones open on a click */
const OPEN_LEVELS = 2;

function TaskLink({ id, label }: { id: string; label: string }) {
  const showTask = useStore((s) => s.showTask);
  return (
    <button type="button" className="link-button mono" onClick={() => showTask(id)} aria-label={`Open task ${id}`} title={id}>
      {label}
    </button>
  );
}

function OriginView({ o, depth, onOpen }: { o: ProofOrigin; depth: number; onOpen(pk: string): void }) {
  const openDialog = useStore((s) => s.openDialog);
  return (
    <li className={`proof-origin${o.keepsAlive ? '' : ' not-alive'}`}>
      <div className="origin-head">
        <OriginBadge kind={o.kind} />
        <span className="origin-kind">{o.kind}</span>
        <span className="muted">by</span>
        <span className="mono">{o.method}</span>
        {o.sourceMethod && (
          <>
            <span className="muted">from boefje</span>
            <span className="mono">{o.sourceMethod}</span>
          </>
        )}
        <span className="muted proof-when" title={`recorded ${formatDate(o.txFrom)}`}>
          {formatDate(o.validFrom)}
        </span>
      </div>
      {!o.keepsAlive && <div className="proof-note">adds attributes only; does not keep the object alive</div>}
      {o.kind === 'declaration' && (
        <div className="proof-note">{o.source ? 'derived from the key of a declared object' : 'declared by hand or import: the root of the proof'}</div>
      )}
      {o.kind === 'observation' && (
        <dl className="origin-meta proof-meta">
          <dt>Normalizer task</dt>
          <dd>{o.task ? <TaskLink id={o.task.id} label={`${o.task.pluginId} · ${o.task.status}`} /> : <span className="muted mono">{o.taskId ?? 'unknown'}</span>}</dd>
          {o.rawFile && (
            <>
              <dt>Raw file</dt>
              <dd>
                <button type="button" className="link-button mono" onClick={() => openDialog({ kind: 'rawViewer', rawId: o.rawFile!.id })} aria-label={`View raw file ${o.rawFile.id}`}>
                  sha256 {o.rawFile.sha256.slice(0, 16)}…
                </button>{' '}
                <span className="muted">
                  {o.rawFile.mimeTypes.join(', ')} · {o.rawFile.size.toLocaleString()} bytes
                </span>
                <div className="mono hash" title="SHA-256 of the raw file" data-testid="raw-sha256">
                  {o.rawFile.sha256}
                </div>
              </dd>
              <dt>Boefje task</dt>
              <dd>
                {o.rawFile.boefjeTask ? (
                  <TaskLink id={o.rawFile.boefjeTask.id} label={`${o.rawFile.boefjeTask.pluginId} · ${o.rawFile.boefjeTask.status}`} />
                ) : (
                  <span className="muted">{o.rawFile.source === 'upload' ? 'uploaded by hand' : 'unknown'}</span>
                )}
              </dd>
            </>
          )}
        </dl>
      )}
      {(o.source || o.parameters.length > 0) && (
        <ul className="proof-children">
          {o.source && (
            <li>
              <span className="proof-role">{o.kind === 'observation' ? 'scanned object' : o.kind === 'declaration' ? 'declared' : 'source'}</span>
              <NodeView node={o.source} depth={depth + 1} onOpen={onOpen} />
            </li>
          )}
          {o.parameters.map((p) => (
            <li key={p.pk}>
              <span className="proof-role">input</span>
              <NodeView node={p} depth={depth + 1} onOpen={onOpen} />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * An object's origins: its own, then, folded, the declarations of other objects that name it in
 * their keys (there can be many: every finding on a hostname's website does).
 */
function OriginList({ origins, depth, onOpen, root }: { origins: readonly ProofOrigin[]; depth: number; onOpen(pk: string): void; root?: boolean }) {
  const derived = origins.filter((o) => o.kind === 'declaration' && o.source);
  const own = origins.filter((o) => !(o.kind === 'declaration' && o.source));
  return (
    <ul className={`proof-origins${root ? ' root' : ''}`}>
      {own.map((o) => (
        <OriginView key={o.id} o={o} depth={depth} onOpen={onOpen} />
      ))}
      {derived.length > 0 && (
        <li className="proof-origin derived">
          <details open={own.length === 0}>
            <summary className="proof-note">
              named in the keys of {derived.length} declared object{derived.length === 1 ? '' : 's'}
            </summary>
            <ul className="proof-origins">
              {derived.map((o) => (
                <OriginView key={o.id} o={o} depth={depth} onOpen={onOpen} />
              ))}
            </ul>
          </details>
        </li>
      )}
    </ul>
  );
}

function NodeView({ node, depth, onOpen }: { node: ProofNode; depth: number; onOpen(pk: string): void }) {
  const label = (
    <>
      {node.exists ? (
        <button type="button" className="link-button" onClick={() => onOpen(node.pk)} aria-label={`Open ${node.pk}`}>
          <PkLabel pk={node.pk} />
        </button>
      ) : (
        <span className="muted" title="no longer exists">
          <PkLabel pk={node.pk} /> (gone)
        </span>
      )}
      {node.seen && <span className="proof-note inline">explained above</span>}
      {node.truncated && <span className="proof-note inline">deeper levels not shown</span>}
    </>
  );
  if (node.origins.length === 0) return <div className="proof-node leaf">{label}</div>;
  return (
    <details className="proof-node" open={depth < OPEN_LEVELS}>
      <summary>{label}</summary>
      <OriginList origins={node.origins} depth={depth} onOpen={onOpen} />
    </details>
  );
}

/**
 * "Why does this exist": the proof tree of an object, as collapsible levels: each origin with its
 * kind, for an observation the normalizer and boefje tasks and the raw file's hash, for an
 * inference the bit's inputs, down to the declarations.
 */
export function ProofTree({ org, pk, onOpen }: { org: string; pk: string; onOpen(pk: string): void }) {
  const revision = useStore((s) => s.changeRevision);
  const tree = useApiResource<Tree>(`${org}\n${pk}\n${revision}`, () => api().call('objects.proof', { org, pk }));
  if (tree.status === 'error') return <ErrorBox error={tree.error} compact />;
  const t = tree.data && tree.data.root.pk === pk ? tree.data : null;
  if (!t) return <Spinner label="Tracing where this came from" />;
  if (t.root.origins.length === 0) return <div className="muted">No origin supports this object any more.</div>;
  return (
    <div className="proof-tree" data-testid="proof-tree">
      <OriginList origins={t.root.origins} depth={0} onOpen={onOpen} root />
      {t.truncated && <div className="muted small">Some branches go deeper than shown; open an object to follow it.</div>}
    </div>
  );
}
