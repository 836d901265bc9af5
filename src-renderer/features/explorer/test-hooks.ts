/**
 * `window.__katExplorer`: the canvas and a few helpers for end-to-end tests and browser benchmarks
 * (they drive the same actions as the UI and wait for the drawing to settle).
 */
import { useStore } from '../../stores/store';
import * as actions from './actions';
import { explorerController } from './controller';

const frames = (n: number) => new Promise<void>((resolve) => {
  const step = (left: number) => (left <= 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
  step(n);
});

export interface KatExplorerHook {
  cy(): import('cytoscape').Core | null;
  controller(): ReturnType<typeof explorerController>;
  state(): ReturnType<typeof useStore.getState>;
  /** opens a graph and resolves once it is laid out and painted */
  open(start: string[], opts?: actions.OpenOptions): Promise<{ nodes: number; edges: number }>;
  expand(id: string): Promise<{ nodes: number; edges: number }>;
  collapse(id: string): void;
  select(id: string | null): void;
  positions(): Record<string, { x: number; y: number }>;
  /** the rendered position of a node on the page (for real mouse clicks) */
  pagePosition(id: string): { x: number; y: number } | null;
  settle(): Promise<void>;
  /** how long the last open's request, layout, drawing and fit took (ms) */
  timings(): Record<string, number>;
  actions: typeof actions;
}

function counts() {
  const cy = explorerController().cy;
  return { nodes: cy?.nodes().length ?? 0, edges: cy?.edges().length ?? 0 };
}

export function installExplorerHook(): void {
  const hook: KatExplorerHook = {
    cy: () => explorerController().cy,
    controller: () => explorerController(),
    state: () => useStore.getState(),
    async open(start, opts) {
      await actions.openGraph(start, opts);
      await frames(2);
      return counts();
    },
    async expand(id) {
      await actions.expandNode(id);
      await frames(2);
      return counts();
    },
    collapse: (id) => actions.collapseNode(id),
    select: (id) => actions.selectNode(id),
    positions: () => explorerController().currentPositions(),
    pagePosition(id) {
      const cy = explorerController().cy;
      const el = cy?.getElementById(id);
      if (!cy || !el || el.empty()) return null;
      const box = cy.container()!.getBoundingClientRect();
      const p = el.renderedPosition();
      return { x: box.left + p.x, y: box.top + p.y };
    },
    settle: () => frames(2),
    timings: () => ({ ...explorerController().timings }),
    actions,
  };
  (window as unknown as { __katExplorer: KatExplorerHook }).__katExplorer = hook;
}
