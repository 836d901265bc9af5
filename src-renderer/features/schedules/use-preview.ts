import { useEffect, useState } from 'react';
import type { PlanSummary } from '../../../src-main/api/contracts/schedules';
import { api, ApiError } from '../../api/client';
import { toPayload, type ScheduleDraft } from './schedule-draft';

/** how long typing must pause before the draft is checked */
export const PREVIEW_DEBOUNCE_MS = 300;

export type PreviewState =
  | { status: 'checking'; plan: PlanSummary | null }
  | { status: 'ok'; plan: PlanSummary }
  | { status: 'error'; plan: null; error: ApiError };

/**
 * Live validation: the draft goes to schedules.preview once typing pauses. The answer is what the
 * schedule would queue now, or the coded error (with the field and column it is about). Answers
 * to older drafts are dropped.
 */
export function usePreview(org: string | null, draft: ScheduleDraft): PreviewState {
  const [state, setState] = useState<PreviewState>({ status: 'checking', plan: null });
  const key = JSON.stringify(toPayload(draft));
  useEffect(() => {
    if (!org) return;
    let current = true;
    setState((s) => ({ status: 'checking', plan: s.plan }));
    const timer = window.setTimeout(() => {
      // the preview only needs a name to be valid; an empty one is reported on save
      const payload = toPayload(draft);
      api()
        .call('schedules.preview', { org, draft: { ...payload, name: payload.name || 'draft' } })
        .then((plan) => current && setState({ status: 'ok', plan }))
        .catch((e: unknown) => current && setState({ status: 'error', plan: null, error: ApiError.from(e) }));
    }, PREVIEW_DEBOUNCE_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
    // `key` stands for the draft: re-run only when its content changes
  }, [org, key]);
  return state;
}
