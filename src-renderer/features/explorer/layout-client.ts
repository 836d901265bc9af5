import { computeLayout, type LayoutRequest, type Positions } from './layouts';

interface Pending {
  resolve(p: Positions): void;
  reject(e: Error): void;
}

let worker: Worker | null | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

function getWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ id: number; positions?: Positions; error?: string }>) => {
      const p = pending.get(e.data.id);
      if (!p) return;
      pending.delete(e.data.id);
      if (e.data.positions) p.resolve(e.data.positions);
      else p.reject(new Error(e.data.error ?? 'layout failed'));
    };
    worker.onerror = (e) => {
      // a worker that cannot start (a file:// page, a strict CSP): lay out in the page from now on
      e.preventDefault();
      worker?.terminate();
      worker = null;
      for (const p of pending.values()) p.reject(new Error('WORKER_FAILED'));
      pending.clear();
    };
  } catch {
    worker = null;
  }
  return worker;
}

/**
 * Computes a layout in the layout worker so the UI thread stays responsive; falls back to the page
 * (fine for small graphs) when no worker can run.
 */
export async function layoutInWorker(req: LayoutRequest): Promise<Positions> {
  const w = getWorker();
  if (!w) return computeLayout(req);
  const id = nextId++;
  try {
    return await new Promise<Positions>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      w.postMessage({ id, req });
    });
  } catch (e) {
    if (e instanceof Error && e.message === 'WORKER_FAILED') return computeLayout(req);
    throw e;
  }
}
