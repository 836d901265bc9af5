import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client';
import type { ErrorInfo } from '../../stores/types';

export type Resource<T> = { status: 'loading'; data: T | null } | { status: 'ready'; data: T } | { status: 'error'; error: ErrorInfo; data: T | null };

/**
 * Loads something from the API whenever `key` changes; keeps the previous data while reloading
 * (a live update does not blank the panel) and drops answers that arrive out of order.
 */
export function useApiResource<T>(key: string | null, load: () => Promise<T>): Resource<T> {
  const [state, setState] = useState<Resource<T>>({ status: 'loading', data: null });
  useEffect(() => {
    if (key === null) return;
    let stale = false;
    setState((s) => ({ status: 'loading', data: s.data }));
    load().then(
      (data) => !stale && setState({ status: 'ready', data }),
      (e) => {
        if (stale) return;
        const err = ApiError.from(e);
        setState((s) => ({ status: 'error', error: { code: err.code, message: err.message, details: err.details }, data: s.data }));
      },
    );
    return () => {
      stale = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` captures everything `load` depends on
  }, [key]);
  return state;
}
