import { describe, expect, it } from 'vitest';
import { findingTypeId, mutedPkOf } from '../../../src-main/findings/repository';
import { relatedEdgeLabels, relatedEdges } from '../../../src-main/findings/related';
import { normalizeObject, objectFromPk } from '../../../src-main/graph/model';
import { typeInfo } from '../../../src-main/graph/model/registry';

describe('the related-objects relation set', () => {
  it('names only reference fields that exist on concrete types', () => {
    for (const e of relatedEdges()) {
      const info = typeInfo(e.type);
      expect(info, e.type).toBeDefined();
      expect(info!.def.abstract, e.type).toBe(false);
      expect(info!.allowedTargets.has(e.attr), `${e.type}.${e.attr}`).toBe(true);
    }
  });

  it('covers the path from a hostname to its certificate and headers, and never reaches a Network', () => {
    const labels = relatedEdgeLabels();
    for (const l of ['ResolvedHostname.hostname', 'IPPort.address', 'IPService.ip_port', 'Website.ip_service', 'HTTPResource.website', 'HTTPHeader.resource', 'DNSARecord.hostname'])
      expect(labels.in).toContain(l);
    expect(labels.out).toEqual(['ResolvedHostname.address', 'Website.certificate']);
    for (const e of relatedEdges()) {
      if (e.dir === 'out') expect([...typeInfo(e.type)!.allowedTargets.get(e.attr)!]).not.toContain('Network');
    }
    // no walking back up: an IP does not lead to the hostnames resolving to it
    expect(labels.in).not.toContain('ResolvedHostname.address');
  });
});

describe('finding keys', () => {
  it('derives the MutedFinding key the model derives', () => {
    const finding = 'Finding|Hostname|internet|example.org|KAT-NO-SPF';
    expect(mutedPkOf(finding)).toBe(normalizeObject('MutedFinding', { finding, reason: 'x' }).pk);
    expect(objectFromPk(mutedPkOf(finding)).data.finding).toBe(finding);
  });

  it('reads a finding type id from an id or a key', () => {
    expect(findingTypeId('KAT-NO-HSTS')).toBe('KAT-NO-HSTS');
    expect(findingTypeId('CVEFindingType|CVE-2021-41773')).toBe('CVE-2021-41773');
  });

  it('accepts an optional expiry on a mute, as a date-time', () => {
    const m = normalizeObject('MutedFinding', { finding: 'Finding|Hostname|internet|example.org|KAT-NO-SPF', reason: 'x', expires_at: '2026-04-01T00:00:00+02:00' });
    expect(m.data.expires_at).toBe('2026-03-31T22:00:00.000Z');
    expect(() => normalizeObject('MutedFinding', { finding: 'Finding|Hostname|internet|example.org|KAT-NO-SPF', expires_at: 'soon' })).toThrow();
  });
});
