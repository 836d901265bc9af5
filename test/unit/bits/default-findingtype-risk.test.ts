import { describe, expect, it } from 'vitest';
import { bit, o } from '../../helpers/bits';

describe('bit default-findingtype-risk', () => {
  it('gives a finding type without severity the severity pending and score 0', () => {
    const kat = o('KATFindingType', { id: 'KAT-NO-HSTS' });
    expect(bit('default-findingtype-risk', kat)).toEqual([o('KATFindingType', { id: 'KAT-NO-HSTS', risk_severity: 'pending', risk_score: 0 })]);
    const cve = o('CVEFindingType', { id: 'CVE-2021-41773', name: 'Path traversal' });
    const out = bit('default-findingtype-risk', cve);
    expect(out.map((x) => [x.pk, x.data.risk_severity, x.data.risk_score])).toEqual([['CVEFindingType|CVE-2021-41773', 'pending', 0]]);
  });

  it('leaves a finding type that has a severity alone', () => {
    for (const risk_severity of ['critical', 'low', 'pending', 'unknown']) {
      expect(bit('default-findingtype-risk', o('KATFindingType', { id: 'KAT-NO-CAA', risk_severity }))).toEqual([]);
    }
  });

  it('converges: running on its own output infers nothing', () => {
    let current = [o('CWEFindingType', { id: 'CWE-79' })];
    const rounds: number[] = [];
    for (let i = 0; i < 3; i++) {
      const next = current.flatMap((t) => bit('default-findingtype-risk', t));
      rounds.push(next.length);
      if (next.length === 0) break;
      current = next.map((t) => o(t.type, { ...current.find((c) => c.pk === t.pk)!.data, ...t.data }));
    }
    expect(rounds).toEqual([1, 0]);
  });
});
