/** What each scan level allows, in plain words (shown in tooltips, pickers and the clearance dialog). */
export const LEVEL_INFO: readonly { level: number; name: string; text: string }[] = [
  { level: 0, name: 'Do not scan', text: 'Nothing runs against the object.' },
  { level: 1, name: 'Passive', text: 'Public sources only (DNS, certificate logs); the client’s systems are not touched.' },
  { level: 2, name: 'Normal use', text: 'Touches the systems like a normal user would: port scans, web pages, TLS handshakes.' },
  { level: 3, name: 'Detectable', text: 'Active probing that intrusion detection will notice (vulnerability and brute-force scanners).' },
  { level: 4, name: 'Intrusive', text: 'Intensive scans and exploit checks that may disturb or damage the service.' },
];

export type LevelKind = 'declared' | 'inherited' | 'empty';

const KIND_TEXT: Record<LevelKind, string> = {
  declared: 'declared by a user',
  inherited: 'inherited from a related object',
  empty: 'no level (L0)',
};

/**
 * A scan level chip: declared levels solid, inherited ones outlined, empty ones faint, so the
 * three are told apart at a glance (and by screen readers through the label).
 */
export function LevelBadge({ level, kind }: { level: number; kind: LevelKind }) {
  const info = LEVEL_INFO[level];
  const label = `L${level} ${KIND_TEXT[kind]}${info ? `: ${info.name}` : ''}`;
  return (
    <span className={`level-badge level-${level} level-${kind}`} title={label} aria-label={label}>
      L{level}
      {kind === 'inherited' && <span className="level-kind-mark" aria-hidden="true">↳</span>}
    </span>
  );
}
