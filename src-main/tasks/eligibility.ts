/**
 * Whether a boefje may run on an object: the one rule scan safety rests on. Pure: the caller
 * supplies the manifest, whether the plugin is enabled, and the object's CURRENT level. It is
 * checked when a task is created and again right before its container starts.
 */
import { isSubtypeOf } from '../graph/model';
import type { BoefjeManifest } from '../plugins/manifest';

export type IneligibleCode = 'NOT_ELIGIBLE' | 'PLUGIN_DISABLED' | 'TYPE_NOT_CONSUMED' | 'SETTINGS_MISSING' | 'PLUGIN_BROKEN' | 'NOT_FOUND';

export type Verdict = { ok: true } | { ok: false; code: IneligibleCode; message: string };

export interface EligibilityInput {
  manifest: BoefjeManifest;
  enabled: boolean;
  objectType: string;
  /** the object's current scan level (0 without a profile) */
  level: number;
  /** required settings that have no value */
  missingSettings?: readonly string[];
}

export function consumesType(m: BoefjeManifest, type: string): boolean {
  return m.consumes.some((c) => c === type || isSubtypeOf(type, c));
}

export function eligibility(i: EligibilityInput): Verdict {
  const m = i.manifest;
  if (!consumesType(m, i.objectType)) {
    return { ok: false, code: 'TYPE_NOT_CONSUMED', message: `${m.id} scans ${m.consumes.join(', ')}, not ${i.objectType}` };
  }
  if (!i.enabled) return { ok: false, code: 'PLUGIN_DISABLED', message: `${m.id} is not enabled for this organisation` };
  if (i.level < m.scan_level) {
    return { ok: false, code: 'NOT_ELIGIBLE', message: `${m.id} needs clearance L${m.scan_level}; the object is at L${i.level}` };
  }
  if (i.missingSettings && i.missingSettings.length > 0) {
    return { ok: false, code: 'SETTINGS_MISSING', message: `${m.id} needs settings first: ${i.missingSettings.join(', ')}` };
  }
  return { ok: true };
}
