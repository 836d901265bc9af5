/**
 * The colour of each severity, the same in the application (src-renderer/styles-findings.css,
 * --sev-* variables) and in reports (HTML and PDF), so a client's PDF looks like the screen the
 * consultant showed. A test holds the stylesheet to these values.
 */
export const SEVERITY_COLOURS = {
  critical: '#b4232c',
  high: '#e0592a',
  medium: '#d4a017',
  low: '#3d8fd1',
  recommendation: '#2f9e8f',
  pending: '#8a8d99',
  unknown: '#a0a0a8',
} as const satisfies Record<string, string>;
