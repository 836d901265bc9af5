import type { ReactNode } from 'react';
import type { AggregateDetails, ReportChart, ReportData, ReportSection, ReportTable as Table, SummaryFigure } from '../../../src-main/reports/types';
import { SeverityBadge } from '../../components/SeverityBadge';
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

const isManagementSummary = (s: ReportSection) => s.id === 'summary' || /management summary/i.test(s.title);
const isRecommendations = (s: ReportSection) => s.id === 'recommendations' || /^recommendations$/i.test(s.title);

/**
 * Any report's data, drawn generically: key figures, then each section with its text, charts and
 * tables, then charts and tables no section names. For the aggregate report its management summary
 * stands out, its recommendations are listed with their severities, and its sub-reports follow
 * (collapsed, each drawn the same way).
 */
export function ReportBody({ data, depth = 0 }: { data: ReportData; depth?: number }) {
  const charts = new Map(data.charts.map((c) => [c.id, c]));
  const tables = new Map(data.tables.map((t) => [t.id, t]));
  const aggregate = data.type === 'aggregate' ? data.details : null;
  const named = new Set(data.sections.flatMap((s) => [...s.charts, ...s.tables]));
  const loose = { charts: data.charts.filter((c) => !named.has(c.id)), tables: data.tables.filter((t) => !named.has(t.id)) };
  const H = depth === 0 ? 'h2' : 'h3';
  const hasSummarySection = data.sections.some(isManagementSummary);

  return (
    <div className={`report-body depth-${depth}`}>
      <SummaryCards figures={data.summary} />
      {aggregate && !hasSummarySection && <ManagementSummary details={aggregate} />}
      {data.sections.map((s) => (
        <Section
          key={s.id}
          section={s}
          charts={charts}
          tables={tables}
          H={H}
          className={aggregate && isManagementSummary(s) ? 'management-summary' : undefined}
          replaceTables={aggregate && isRecommendations(s) && aggregate.recommendations.length > 0 ? <Recommendations details={aggregate} /> : undefined}
        />
      ))}
      {loose.charts.length > 0 && (
        <div className="chart-grid">
          {loose.charts.map((c) => (
            <Chart key={c.id} chart={c} />
          ))}
        </div>
      )}
      {loose.tables.map((t) => (
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
    </div>
  );
}

interface SectionProps {
  section: ReportSection;
  charts: Map<string, ReportChart>;
  tables: Map<string, Table>;
  H: 'h2' | 'h3';
  className?: string;
  /** drawn instead of the section's tables */
  replaceTables?: ReactNode;
}

function Section({ section, charts, tables, H, className, replaceTables }: SectionProps) {
  const cs = section.charts.map((id) => charts.get(id)).filter((c): c is ReportChart => c !== undefined);
  const ts = section.tables.map((id) => tables.get(id)).filter((t): t is Table => t !== undefined);
  const id = `sec-${section.id}`;
  return (
    <section className={`report-section${className ? ` ${className}` : ''}`} aria-labelledby={id} data-testid={`section-${section.id}`}>
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
      {replaceTables ?? ts.map((t) => <ReportTable key={t.id} table={t} />)}
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
    <ol className="recommendations" aria-label="Recommendations">
      {details.recommendations.map((r) => (
        <li key={r.findingType}>
          <SeverityBadge severity={r.severity} /> <span className="mono">{r.findingType}</span> <span className="muted small">× {r.occurrences.toLocaleString()}</span>
          <div className="recommendation-text">{r.text}</div>
        </li>
      ))}
    </ol>
  );
}
