import type { AggregateDetails, ReportChart, ReportData, ReportSection, ReportTable as Table, SummaryFigure } from '../../../src-main/reports/types';
import { PkLabel } from '../../components/PkLabel';
import { SeverityBadge } from '../../components/SeverityBadge';
import { formatBytes, formatDate } from '../../components/format';
import { useStore } from '../../stores/store';
import { Chart } from './charts/Chart';
import { ReportTable } from './ReportTable';

/** Key figures as cards. */
export function SummaryCards({ figures }: { figures: readonly SummaryFigure[] }) {
  if (figures.length === 0) return null;
  return (
    <dl className="summary-cards" aria-label="Key figures">
      {figures.map((f) => (
        <div key={f.label} className="summary-card">
          <dt>{f.label}</dt>
          <dd>{typeof f.value === 'number' ? f.value.toLocaleString() : f.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** the aggregate's own parts, drawn from its details (a generic section about the same is not repeated) */
const AGGREGATE_PARTS = /management|summary|scope|recommend|appendix/i;

/**
 * Any report's data, drawn generically: key figures, then each section with its text, charts and
 * tables, then charts and tables no section names. The aggregate report adds its management
 * summary, recommendations, scope and appendix, and its sub-reports (collapsed, each drawn the
 * same way).
 */
export function ReportBody({ data, depth = 0 }: { data: ReportData; depth?: number }) {
  const charts = new Map(data.charts.map((c) => [c.id, c]));
  const tables = new Map(data.tables.map((t) => [t.id, t]));
  const aggregate = data.type === 'aggregate' ? data.details : null;
  const sections = aggregate ? data.sections.filter((s) => !AGGREGATE_PARTS.test(s.id) && !AGGREGATE_PARTS.test(s.title)) : data.sections;
  // charts and tables no shown section names (those of a section the aggregate's own parts replace among them)
  const named = new Set(sections.flatMap((s) => [...s.charts, ...s.tables]));
  const loose = { charts: data.charts.filter((c) => !named.has(c.id)), tables: data.tables.filter((t) => !named.has(t.id)) };
  const H = depth === 0 ? 'h2' : 'h3';

  return (
    <div className={`report-body depth-${depth}`}>
      <SummaryCards figures={data.summary} />
      {aggregate && <ManagementSummary details={aggregate} />}
      {aggregate && <Recommendations details={aggregate} />}
      {loose.charts.length > 0 && (
        <div className="chart-grid">
          {loose.charts.map((c) => (
            <Chart key={c.id} chart={c} />
          ))}
        </div>
      )}
      {sections.map((s) => (
        <Section key={s.id} section={s} charts={charts} tables={tables} H={H} />
      ))}
      {aggregate && <Scope details={aggregate} />}
      {loose.tables
        .filter((t) => !aggregate || !isAggregatePartTable(t))
        .map((t) => (
          <ReportTable key={t.id} table={t} />
        ))}
      {aggregate && aggregate.subReports.length > 0 && (
        <section className="report-section sub-reports" aria-labelledby="sec-subreports">
          <h2 id="sec-subreports">Reports in this aggregate</h2>
          {aggregate.subReports.map((sub) => (
            <details key={sub.type} className="sub-report" data-testid={`sub-report-${sub.type}`}>
              <summary>
                <span className="sub-title">{sub.title}</span>
                <span className="muted small">{sub.summary.slice(0, 3).map((f) => `${f.label}: ${typeof f.value === 'number' ? f.value.toLocaleString() : f.value}`).join(' · ')}</span>
              </summary>
              <ReportBody data={sub} depth={depth + 1} />
            </details>
          ))}
        </section>
      )}
      {aggregate && <Appendix details={aggregate} />}
    </div>
  );
}

/** tables the aggregate draws itself from its details (scope, appendix) */
function isAggregatePartTable(t: Table): boolean {
  return AGGREGATE_PARTS.test(t.id) || AGGREGATE_PARTS.test(t.title);
}

function Section({ section, charts, tables, H }: { section: ReportSection; charts: Map<string, ReportChart>; tables: Map<string, Table>; H: 'h2' | 'h3' }) {
  const cs = section.charts.map((id) => charts.get(id)).filter((c): c is ReportChart => c !== undefined);
  const ts = section.tables.map((id) => tables.get(id)).filter((t): t is Table => t !== undefined);
  const id = `sec-${section.id}`;
  return (
    <section className="report-section" aria-labelledby={id} data-testid={`section-${section.id}`}>
      <H id={id}>{section.title}</H>
      {section.text.map((p, i) => (
        <p key={i} className="section-text">
          {p}
        </p>
      ))}
      {cs.length > 0 && (
        <div className="chart-grid">
          {cs.map((c) => (
            <Chart key={c.id} chart={c} />
          ))}
        </div>
      )}
      {ts.map((t) => (
        <ReportTable key={t.id} table={t} />
      ))}
    </section>
  );
}

function ManagementSummary({ details }: { details: AggregateDetails }) {
  if (details.managementSummary.length === 0) return null;
  return (
    <section className="report-section management-summary" aria-labelledby="sec-management">
      <h2 id="sec-management">Management summary</h2>
      {details.managementSummary.map((p, i) => (
        <p key={i} className="section-text">
          {p}
        </p>
      ))}
    </section>
  );
}

function Recommendations({ details }: { details: AggregateDetails }) {
  return (
    <section className="report-section" aria-labelledby="sec-recommendations">
      <h2 id="sec-recommendations">Recommendations</h2>
      {details.recommendations.length === 0 ? (
        <p className="muted">No findings to act on.</p>
      ) : (
        <ol className="recommendations">
          {details.recommendations.map((r) => (
            <li key={r.findingType}>
              <SeverityBadge severity={r.severity} /> <span className="mono">{r.findingType}</span>{' '}
              <span className="muted small">
                × {r.occurrences.toLocaleString()}
              </span>
              <div className="recommendation-text">{r.text}</div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Scope({ details }: { details: AggregateDetails }) {
  const showObject = useStore((s) => s.showObject);
  const { declarations, tasks } = details.scope;
  return (
    <section className="report-section" aria-labelledby="sec-scope">
      <h2 id="sec-scope">Scope</h2>
      <p className="section-text muted">What was declared, at which clearance level, and which plugins ran on it when.</p>
      <div className="report-table-wrap">
        <table className="report-data-table" aria-label="Declared objects">
          <caption>
            Declared objects <span className="count">{declarations.length.toLocaleString()}</span>
          </caption>
          <thead>
            <tr>
              <th>Object</th>
              <th>Type</th>
              <th>Level</th>
              <th>Declared</th>
            </tr>
          </thead>
          <tbody>
            {declarations.length === 0 && (
              <tr>
                <td colSpan={4} className="muted">
                  Nothing declared.
                </td>
              </tr>
            )}
            {declarations.slice(0, 200).map((d) => (
              <tr key={d.pk}>
                <td>
                  <button type="button" className="link-button" aria-label={`Open object ${d.pk}`} onClick={() => showObject(d.pk)}>
                    <PkLabel pk={d.pk} />
                  </button>
                </td>
                <td>{d.type}</td>
                <td className="num">{d.level === null ? '—' : `L${d.level}`}</td>
                <td>{formatDate(d.declaredAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="report-table-wrap">
        <table className="report-data-table" aria-label="Plugins that ran">
          <caption>
            Plugins that ran <span className="count">{tasks.length.toLocaleString()}</span>
          </caption>
          <thead>
            <tr>
              <th>Plugin</th>
              <th>Kind</th>
              <th>Runs</th>
              <th>Objects</th>
              <th>First</th>
              <th>Last</th>
            </tr>
          </thead>
          <tbody>
            {tasks.length === 0 && (
              <tr>
                <td colSpan={6} className="muted">
                  No plugin ran on these objects before the as-of time.
                </td>
              </tr>
            )}
            {tasks.map((t) => (
              <tr key={`${t.kind}:${t.plugin}`}>
                <td className="mono">{t.plugin}</td>
                <td>{t.kind}</td>
                <td className="num">{t.runs.toLocaleString()}</td>
                <td className="num">{t.objects.toLocaleString()}</td>
                <td>{formatDate(t.firstAt)}</td>
                <td>{formatDate(t.lastAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Appendix({ details }: { details: AggregateDetails }) {
  const showObject = useStore((s) => s.showObject);
  const { objects, objectCount, rawFiles } = details.appendix;
  return (
    <section className="report-section appendix" aria-labelledby="sec-appendix">
      <h2 id="sec-appendix">Appendix</h2>
      <details>
        <summary>
          Objects in scope <span className="count">{objectCount.toLocaleString()}</span>
        </summary>
        <ul className="appendix-objects">
          {objects.map((o) => (
            <li key={o.pk}>
              <button type="button" className="link-button" aria-label={`Open object ${o.pk}`} onClick={() => showObject(o.pk)}>
                <PkLabel pk={o.pk} />
              </button>
            </li>
          ))}
          {objectCount > objects.length && <li className="muted small">and {(objectCount - objects.length).toLocaleString()} more (all of them in the JSON export)</li>}
        </ul>
      </details>
      <details>
        <summary>
          Raw files <span className="count">{rawFiles.length.toLocaleString()}</span>
        </summary>
        <table className="report-data-table" aria-label="Raw files">
          <thead>
            <tr>
              <th>SHA-256</th>
              <th>Plugin</th>
              <th>Type</th>
              <th>Size</th>
              <th>Stored</th>
            </tr>
          </thead>
          <tbody>
            {rawFiles.map((f) => (
              <tr key={f.sha256}>
                <td className="mono hash">{f.sha256}</td>
                <td className="mono">{f.plugin ?? '—'}</td>
                <td>{f.mimeTypes.join(', ')}</td>
                <td className="num">{formatBytes(f.size)}</td>
                <td>{formatDate(f.at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
