import { AppError } from '../../common/errors';
import type { findingsContract } from '../../api/contracts/findings';
import { MuteService } from '../../findings/mutes';
import { countFindings, getFinding, groupFindings, listFindings, type FindingFilter } from '../../findings/repository';
import { getObject } from '../../graph/query/neighbours';
import { proofTree } from '../../origins/proof';
import { createLogger } from '../../common/logger';
import { assertOrg } from '../orgs';
import type { DomainHandlers, HandlerDeps } from './deps';

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function filterOf(p: FindingFilter): FindingFilter {
  return { severities: p.severities, findingTypes: p.findingTypes, objectTypes: p.objectTypes, muted: p.muted, search: p.search, ooi: p.ooi };
}

/** Findings (list, counts, detail, mute, unmute) and the proof tree of any object. */
export function createFindingsHandlers(d: HandlerDeps): DomainHandlers<typeof findingsContract> {
  const { db, clock } = d;
  const mutes = d.mutes ?? new MuteService({ db, graph: d.graph, clock, log: createLogger('mutes') });
  return {
    'findings.list': async (p) => {
      await assertOrg(db, p.org);
      const now = clock.now();
      if (p.groupBy === 'findingType') {
        const g = await groupFindings(db, p.org, now, filterOf(p), { offset: p.offset, limit: p.limit, objectsLimit: p.groupObjectsLimit });
        return { items: [], groups: g.groups, total: g.total, offset: p.offset };
      }
      const page = await listFindings(db, p.org, now, filterOf(p), { sort: p.sort, offset: p.offset, limit: p.limit });
      return { items: page.items, total: page.total, offset: p.offset };
    },
    'findings.counts': async (p) => {
      await assertOrg(db, p.org);
      return countFindings(db, p.org, clock.now(), filterOf(p));
    },
    'findings.get': async (p) => {
      await assertOrg(db, p.org);
      const found = await getFinding(db, p.org, clock.now(), p.pk);
      if (!found) throw new AppError('NOT_FOUND', `No finding ${p.pk} in "${p.org}"`, { pk: p.pk });
      const ft = found.ftData;
      return {
        finding: { ...found.row, proof: str(found.data.proof), reproduce: str(found.data.reproduce) },
        findingType: {
          ...found.row.findingType,
          description: str(ft?.description),
          impact: str(ft?.impact),
          recommendation: str(ft?.recommendation),
          source: str(ft?.source),
          exists: ft !== null,
        },
        object: await getObject(db, p.org, found.row.ooi.pk),
      };
    },
    'findings.mute': async (p) => {
      await assertOrg(db, p.org);
      return mutes.mute(p.org, p.pks, p.reason, p.expiresAt, p.dryRun);
    },
    'findings.unmute': async (p) => {
      await assertOrg(db, p.org);
      return mutes.unmute(p.org, p.pks);
    },
    'objects.proof': async (p) => {
      await assertOrg(db, p.org);
      const tree = await proofTree(db, p.org, p.pk, p.maxDepth);
      if (!tree) throw new AppError('NOT_FOUND', `No object ${p.pk} in "${p.org}"`, { pk: p.pk });
      return tree;
    },
  };
}
