import type { ReactNode } from 'react';

/** A persistent, non-blocking notice across the top of the main pane. */
export function Banner({ tone, title, children, actions }: { tone: 'warning' | 'info' | 'danger'; title: string; children?: ReactNode; actions?: ReactNode }) {
  return (
    <div className={`banner banner-${tone}`} role="status" aria-label={title}>
      <div className="banner-text">
        <strong>{title}</strong>
        {children && <div className="banner-body">{children}</div>}
      </div>
      {actions && <div className="banner-actions">{actions}</div>}
    </div>
  );
}
