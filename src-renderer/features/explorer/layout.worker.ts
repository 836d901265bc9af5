/// <reference lib="webworker" />
import { computeLayout, type LayoutRequest } from './layouts';

/** Runs layouts off the UI thread: a request in, the node positions out. */
self.onmessage = (e: MessageEvent<{ id: number; req: LayoutRequest }>) => {
  const { id, req } = e.data;
  const t = performance.now();
  try {
    const positions = computeLayout(req);
    (self as unknown as Worker).postMessage({ id, positions, ms: performance.now() - t });
  } catch (err) {
    (self as unknown as Worker).postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
