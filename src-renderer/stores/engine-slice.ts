import type { EngineStatus } from '../../src-main/api/contracts/scans';
import { api, ApiError } from '../api/client';
import type { ErrorInfo, Slice } from './types';

export interface EngineSlice {
  engine: EngineStatus | null;
  engineError: ErrorInfo | null;
  engineChecking: boolean;
  checkEngine(refresh?: boolean): Promise<void>;
}

/** Why scanning is not possible now, or null (used to disable "Scan now" with that reason). */
export function scanDisabledReason(engine: EngineStatus | null, error: ErrorInfo | null): string | null {
  if (error) return `Scanning is unavailable: ${error.message}`;
  if (engine && !engine.available) return 'Scanning is disabled: no container engine (see the banner above for how to start one)';
  return null;
}

export const createEngineSlice: Slice<EngineSlice> = (set) => ({
  engine: null,
  engineError: null,
  engineChecking: false,

  async checkEngine(refresh = false) {
    set({ engineChecking: true });
    try {
      set({ engine: await api().call('engine.status', { refresh }), engineError: null });
    } catch (e) {
      const err = ApiError.from(e);
      set({ engineError: { code: err.code, message: err.message, details: err.details } });
    } finally {
      set({ engineChecking: false });
    }
  },
});
