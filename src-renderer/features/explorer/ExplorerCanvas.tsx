import { useEffect, useRef } from 'react';
import { useStore } from '../../stores/store';
import { toggleNode } from './actions';
import { explorerController } from './controller';

function useIsDark(): boolean {
  const theme = useStore((s) => s.theme);
  if (theme !== 'system') return theme === 'dark';
  return typeof window !== 'undefined' && window.matchMedia?.('(prefers-color-scheme: dark)').matches === true;
}

/** The Cytoscape canvas; React mounts it once and never renders per node. */
export function ExplorerCanvas() {
  const ref = useRef<HTMLDivElement>(null);
  const dark = useIsDark();
  const setExplorer = useStore((s) => s.setExplorer);

  useEffect(() => {
    const c = explorerController();
    c.listen({
      onSelect: (id) => setExplorer({ explorerSelected: id, ...(id ? { explorerPanel: 'details' } : {}) }),
      onDoubleTap: (id) => void toggleNode(id),
      onSummary: (s) => setExplorer({ explorerSummary: s }),
    });
    c.attach(ref.current!, dark);
    return () => {
      c.listen(null);
      c.detach();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- mounted once; the theme follows below
  }, []);

  useEffect(() => explorerController().setDark(dark), [dark]);

  return <div ref={ref} className="explorer-canvas" data-testid="explorer-canvas" aria-label="Graph canvas: double-click a node to expand or collapse it" role="application" tabIndex={0} />;
}
