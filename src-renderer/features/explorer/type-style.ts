/**
 * How each object type looks in the explorer: a family (colour + shape + a short glyph drawn in the
 * node, the "icon"), picked from the type name. Pure: shared by the Cytoscape stylesheet, the
 * legend and the SVG export.
 */

export type NodeShape = 'ellipse' | 'round-rectangle' | 'hexagon' | 'diamond' | 'round-triangle' | 'octagon' | 'barrel' | 'round-tag' | 'star' | 'rhomboid';

export interface TypeFamily {
  id: string;
  label: string;
  color: string;
  shape: NodeShape;
  /** matched against the type name, first family wins */
  test: (type: string) => boolean;
  /** the letters drawn inside the node */
  glyph: (type: string) => string;
}

const fixed = (g: string) => () => g;

export const FAMILIES: readonly TypeFamily[] = [
  { id: 'finding', label: 'Findings', color: '#e5484d', shape: 'star', test: (t) => t === 'Finding' || t === 'MutedFinding', glyph: fixed('!') },
  { id: 'findingtype', label: 'Finding types', color: '#f76b15', shape: 'round-tag', test: (t) => t.endsWith('FindingType'), glyph: fixed('FT') },
  { id: 'network', label: 'Networks & blocks', color: '#8e8c99', shape: 'octagon', test: (t) => t === 'Network' || t.endsWith('NetBlock') || t === 'AutonomousSystem', glyph: (t) => (t === 'Network' ? 'NET' : t === 'AutonomousSystem' ? 'AS' : '/') },
  { id: 'hostname', label: 'Hostnames', color: '#3e63dd', shape: 'ellipse', test: (t) => t === 'Hostname' || t === 'ResolvedHostname' || t === 'NXDOMAIN' || t === 'DNSZone', glyph: (t) => (t === 'DNSZone' ? 'Z' : t === 'ResolvedHostname' ? '→' : t === 'NXDOMAIN' ? '∅' : 'H') },
  { id: 'ip', label: 'IP addresses', color: '#12a594', shape: 'hexagon', test: (t) => t.startsWith('IPAddress') && !t.endsWith('URL'), glyph: (t) => (t.endsWith('V6') ? 'v6' : 'IP') },
  { id: 'port', label: 'Ports & services', color: '#30a46c', shape: 'diamond', test: (t) => t === 'IPPort' || t === 'IPService' || t === 'Service' || t === 'TLSCipher', glyph: (t) => (t === 'IPPort' ? ':' : 'S') },
  { id: 'dns', label: 'DNS records', color: '#8e4ec6', shape: 'round-rectangle', test: (t) => t.startsWith('DNS') || t.startsWith('DMARC') || t.startsWith('DKIM'), glyph: (t) => t.replace(/^DNS/, '').replace(/Record$/, '').slice(0, 4) || 'DNS' },
  { id: 'web', label: 'Web (sites, URLs, resources)', color: '#0090ff', shape: 'barrel', test: (t) => /Website|URL|HTTP|RESTAPI|SecurityTXT/.test(t), glyph: (t) => (t === 'Website' ? 'W' : t.includes('URL') ? 'URL' : t.startsWith('HTTPHeader') ? 'Hd' : 'R') },
  { id: 'cert', label: 'Certificates', color: '#ffb224', shape: 'round-triangle', test: (t) => t.startsWith('X509') || t.startsWith('SubjectAlternativeName'), glyph: (t) => (t.startsWith('X509') ? 'C' : 'SAN') },
  { id: 'software', label: 'Software', color: '#d6409f', shape: 'rhomboid', test: (t) => t.startsWith('Software') || t === 'Application', glyph: fixed('SW') },
  { id: 'other', label: 'Other', color: '#7c7f8c', shape: 'round-rectangle', test: () => true, glyph: (t) => t.replace(/[^A-Z]/g, '').slice(0, 3) || t.slice(0, 2) },
];

const familyCache = new Map<string, TypeFamily>();
export function familyOf(type: string): TypeFamily {
  let f = familyCache.get(type);
  if (!f) {
    f = FAMILIES.find((x) => x.test(type)) ?? FAMILIES[FAMILIES.length - 1]!;
    familyCache.set(type, f);
  }
  return f;
}

export const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low', 'recommendation'] as const;
export type NodeSeverity = (typeof SEVERITY_ORDER)[number];

export const SEVERITY_COLORS: Record<NodeSeverity, string> = {
  critical: '#e5484d',
  high: '#f76b15',
  medium: '#ffb224',
  low: '#3e63dd',
  recommendation: '#8e8c99',
};

/** node diameter by its worst open finding */
export const SEVERITY_SIZE: Record<NodeSeverity | 'none', number> = { critical: 46, high: 40, medium: 35, low: 31, recommendation: 29, none: 26 };

/** border colour by scan level (L0 ... L4) */
export const LEVEL_COLORS = ['#6b6f7b', '#3e9bdd', '#30a46c', '#f5a524', '#e5484d'] as const;

export function levelBorderWidth(level: number | null): number {
  return level === null || level === 0 ? 1 : 2 + level * 0.75;
}

/** the explorer's colours for compare / path / proof marks */
export const MARK_COLORS = { added: '#30a46c', removed: '#e5484d', changed: '#f5a524', path: '#ff66cc', proof: '#a78bfa', match: '#ffd60a' } as const;
