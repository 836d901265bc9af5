/**
 * The shapes of reports, shared by the main process and the renderer (pure: no node imports).
 * Every report type's data has the generic parts (summary figures, tables, charts, sections) so a
 * generic renderer can show any report, plus a typed `details` object of its own. The aggregate
 * report adds a management summary, scope, recommendations, an appendix and its sub-reports.
 */

export const REPORT_TYPES = ['dns', 'mail', 'open-ports', 'tls', 'web-system', 'ipv6', 'systems', 'findings', 'vulnerabilities', 'aggregate'] as const;
export type ReportType = (typeof REPORT_TYPES)[number];

/** Severities, lowest first (the same list as findings' SEVERITIES). */
export const REPORT_SEVERITIES = ['unknown', 'pending', 'recommendation', 'low', 'medium', 'high', 'critical'] as const;
export type ReportSeverity = (typeof REPORT_SEVERITIES)[number];

export interface ReportFilter {
  /** object types (abstract types stand for their subtypes) */
  types?: string[];
  /** case-insensitive text in the object key */
  search?: string;
  /** only objects with at least this scan level */
  minLevel?: number;
}

/** What a report is about: fixed objects, or a live filter evaluated at the report's as-of time. */
export type ReportInputs = { objects: string[] } | { filter: ReportFilter };

export type PluginKind = 'boefje' | 'normalizer' | 'bit';

export interface ReportPluginNeed {
  id: string;
  kind: PluginKind;
  required: boolean;
}

export interface ReportTypeInfo {
  type: ReportType;
  name: string;
  description: string;
  /** the OOI types it takes as input */
  inputTypes: string[];
  plugins: ReportPluginNeed[];
}

export interface PluginWarning {
  plugin: string;
  kind: string;
  problem: 'disabled' | 'not-run';
  /** chosen objects it has not run on (at most 20) */
  objects?: string[];
}

export type Cell = string | number | null;

export interface SummaryFigure {
  label: string;
  value: number | string;
}

export interface ReportTable {
  id: string;
  title: string;
  columns: string[];
  rows: Cell[][];
  /** per row, the object key it is about (for links into the object view), or null */
  links?: (string | null)[];
}

export interface ChartSeries {
  label: string;
  values: { x: string; y: number }[];
}

export interface ReportChart {
  id: string;
  title: string;
  kind: 'bar' | 'donut' | 'line';
  series: ChartSeries[];
}

/** A titled part of a report: text paragraphs and the tables and charts it shows, by id. */
export interface ReportSection {
  id: string;
  title: string;
  text: string[];
  tables: string[];
  charts: string[];
}

/** A finding as a report lists it (also the unit of "changes since the previous report"). */
export interface FindingRef {
  pk: string;
  findingType: string;
  severity: string;
  ooi: string;
}

export type SeverityCounts = Record<ReportSeverity, number>;

// --- per type details ---

export interface DnsHostDetail {
  hostname: string;
  pk: string;
  records: { type: string; value: string; ttl: number | null }[];
  nxdomain: boolean;
  spf: boolean;
  dmarc: boolean;
  dkim: boolean;
  caa: boolean;
}
export interface DnsDetails {
  hostnames: DnsHostDetail[];
}

export interface MailHostDetail {
  hostname: string;
  pk: string;
  spf: string | null;
  dmarc: string | null;
  dkim: boolean;
  /** SPF, DMARC and DKIM all present */
  compliant: boolean;
}
export interface MailDetails {
  hostnames: MailHostDetail[];
}

export interface PortDetail {
  protocol: string;
  port: number;
  service: string | null;
}
export interface OpenPortsIpDetail {
  address: string;
  pk: string;
  hostnames: string[];
  ports: PortDetail[];
}
export interface OpenPortsDetails {
  ips: OpenPortsIpDetail[];
}

export interface TlsServiceDetail {
  pk: string;
  address: string;
  port: number;
  service: string;
  protocols: string[];
  ciphers: { protocol: string; name: string; bits: number | null }[];
  /** protocols and ciphers to phase out */
  phaseOut: string[];
}
export interface CertificateDetail {
  pk: string;
  subject: string | null;
  issuer: string | null;
  validUntil: string | null;
  /** expired at the report's as-of time */
  expired: boolean;
  /** expires within 30 days of the as-of time */
  expiringSoon: boolean;
  websites: string[];
}
export interface TlsDetails {
  services: TlsServiceDetail[];
  certificates: CertificateDetail[];
}

export interface WebsiteDetail {
  pk: string;
  hostname: string;
  address: string;
  port: number;
  service: string;
  https: boolean;
  /** the plain http site redirects to https (null: not applicable or unknown) */
  redirectsToHttps: boolean | null;
  csp: boolean;
  hsts: boolean;
  securityTxt: boolean;
  certificateValid: boolean | null;
  certificateExpires: string | null;
  /** KAT finding type ids on the website and its resources/headers */
  findings: string[];
}
export interface WebSystemDetails {
  websites: WebsiteDetail[];
}

export interface Ipv6HostDetail {
  hostname: string;
  pk: string;
  ipv4: string[];
  ipv6: string[];
}
export interface Ipv6Details {
  hostnames: Ipv6HostDetail[];
}

export const SYSTEM_KINDS = ['Web', 'Mail', 'DNS', 'DICOM', 'Other'] as const;
export type SystemKind = (typeof SYSTEM_KINDS)[number];
export interface SystemDetail {
  address: string;
  pk: string;
  hostnames: string[];
  kinds: SystemKind[];
  ports: number[];
}
export interface SystemsDetails {
  systems: SystemDetail[];
  /** systems per kind */
  counts: Record<SystemKind, number>;
}

export interface FindingTypeDetail {
  id: string;
  pk: string;
  name: string | null;
  severity: ReportSeverity;
  score: number | null;
  occurrences: number;
  recommendation: string | null;
  /** the first objects it occurs on (at most 50) */
  objects: string[];
}
export interface FindingsDetails {
  counts: SeverityCounts;
  total: number;
  findingTypes: FindingTypeDetail[];
}

export interface VulnerabilityDetail {
  cve: string;
  score: number | null;
  severity: ReportSeverity;
  finding: string;
}
export interface VulnerableSystemDetail {
  /** the object the CVEs are on */
  ooi: string;
  /** the address it is on, when known */
  address: string | null;
  cves: VulnerabilityDetail[];
}
export interface VulnerabilitiesDetails {
  systems: VulnerableSystemDetail[];
  total: number;
}

// --- aggregate ---

export interface ScopeDeclaration {
  pk: string;
  type: string;
  /** declared scan level (clearance) */
  level: number | null;
  declaredAt: string;
}
export interface ScopeTask {
  plugin: string;
  kind: string;
  runs: number;
  objects: number;
  firstAt: string | null;
  lastAt: string | null;
}
export interface AggregateScope {
  declarations: ScopeDeclaration[];
  tasks: ScopeTask[];
}
export interface Recommendation {
  findingType: string;
  severity: ReportSeverity;
  text: string;
  occurrences: number;
}
export interface AppendixObject {
  pk: string;
  type: string;
}
export interface AppendixRawFile {
  sha256: string;
  plugin: string | null;
  mimeTypes: string[];
  size: number;
  at: string;
}
export interface AggregateAppendix {
  objects: AppendixObject[];
  /** objects in scope (the list above may be capped) */
  objectCount: number;
  rawFiles: AppendixRawFile[];
}
export interface AggregateDetails {
  managementSummary: string[];
  scope: AggregateScope;
  recommendations: Recommendation[];
  appendix: AggregateAppendix;
  /** the sub-reports, in REPORT_TYPES order */
  subReports: ReportData[];
}

export interface DetailsByType {
  dns: DnsDetails;
  mail: MailDetails;
  'open-ports': OpenPortsDetails;
  tls: TlsDetails;
  'web-system': WebSystemDetails;
  ipv6: Ipv6Details;
  systems: SystemsDetails;
  findings: FindingsDetails;
  vulnerabilities: VulnerabilitiesDetails;
  aggregate: AggregateDetails;
}

export interface ReportDataOf<T extends ReportType> {
  type: T;
  title: string;
  /** the report's valid time (ISO); the only time inside the data */
  generatedAsOf: string;
  /** the objects the inputs resolved to, sorted (the first INPUTS_LISTED of inputCount) */
  inputs: string[];
  inputCount: number;
  summary: SummaryFigure[];
  sections: ReportSection[];
  tables: ReportTable[];
  charts: ReportChart[];
  /** findings within the report's scope relevant to its type, sorted by pk */
  findings: FindingRef[];
  details: DetailsByType[T];
}

/** Input objects listed in a report's data (a live filter over everything may match the whole graph). */
export const INPUTS_LISTED = 1000;

export type ReportData = { [T in ReportType]: ReportDataOf<T> }[ReportType];

export interface ReportVersions {
  /** plugin id -> version (settings hash where no version is declared) */
  plugins: Record<string, string>;
  catalogue: string;
  app: string;
}

export interface Report {
  id: string;
  org: string;
  name: string;
  type: ReportType;
  inputs: ReportInputs;
  /** ISO valid time the report describes */
  asOf: string;
  createdAt: string;
  data: ReportData;
  versions: ReportVersions;
  previousId: string | null;
  recipeId: string | null;
}

export type ReportSummary = Omit<Report, 'data'> & { counts: { findings: SeverityCounts } };

export interface ReportChanges {
  previousId: string | null;
  new: FindingRef[];
  fixed: FindingRef[];
  stillOpen: FindingRef[];
}

export interface ReportRecipe {
  id: string;
  org: string;
  name: string;
  type: ReportType;
  inputs: ReportInputs;
  rrule: string;
  enabled: boolean;
  lastRunAt: string | null;
  nextRunAt: string | null;
}

export function emptySeverityCounts(): SeverityCounts {
  return { unknown: 0, pending: 0, recommendation: 0, low: 0, medium: 0, high: 0, critical: 0 };
}
