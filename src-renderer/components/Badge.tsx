import type { ReactNode } from 'react';

export function Badge({ tone, children, title }: { tone: string; children: ReactNode; title?: string }) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  );
}

const SHORT: Record<string, string> = { declaration: 'decl', observation: 'obs', inference: 'inf', affirmation: 'aff' };

export function OriginBadge({ kind }: { kind: string }) {
  return (
    <Badge tone={kind} title={kind}>
      {SHORT[kind] ?? kind}
    </Badge>
  );
}
