import { AppError } from '../../common/errors';
import { bitConfigsOf, type DomainHandlers, type HandlerDeps } from './deps';
import type { graphContract } from '../../api/contracts/graph';
import { METHOD_NAMES } from '../../api/contract';
import { describeTypes, normalizeObject, objectFromPk, type OOI } from '../../graph/model';
import { listObjects } from '../../graph/query/list';
import { getObject } from '../../graph/query/neighbours';
import { tree } from '../../graph/query/tree';
import { queryPath, validatePath } from '../../graph/query/path';
import { resolveAsOf } from '../../graph/query/as-of';
import { diff, objectHistory } from '../../origins/history';
import { listOrigins } from '../../origins/list';
import { originId } from '../../origins/types';
import { parseCsv } from '../csv-import';
import { toMutationResult, type GraphService } from '../graph-service';
import { assertOrg, createOrg, deleteOrg, listOrgs, renameOrg } from '../orgs';
import { Outbox } from '../outbox';
import { VERSION } from '../version';


function toObject(input: { type: string; data: Record<string, unknown> }): OOI {
  return normalizeObject(input.type, input.data);
}

/** The graph domain's methods, implemented once; both hosts serve exactly these. */
export function createGraphHandlers(d: HandlerDeps): DomainHandlers<typeof graphContract> {
  const { db, graph, clock } = d;
  const orgEvent = async (org: string, change: 'created' | 'renamed' | 'deleted') => {
    await Outbox.record(db, { topic: 'orgs.changed', org, change }, clock.now());
    await d.outbox.dispatch();
  };
  return {
    'system.info': async (_p, ctx) => ({ version: VERSION, host: ctx.host, database: d.dataLocation, methods: METHOD_NAMES.length }),

    'orgs.list': async () => listOrgs(db),
    'orgs.create': async (p) => {
      const org = await createOrg(db, p.code, p.name, clock.now());
      if (p.schedules === 'default') await d.onOrgCreated?.(p.code);
      await orgEvent(p.code, 'created');
      return org;
    },
    'orgs.rename': async (p) => {
      const org = await renameOrg(db, p.code, p.name);
      await orgEvent(p.code, 'renamed');
      return org;
    },
    'orgs.delete': async (p) => {
      if (p.confirm !== p.code) {
        throw new AppError('BAD_REQUEST', `To delete "${p.code}", confirm by repeating its code`, { field: 'confirm' });
      }
      const objects = await db.transaction((tx) => deleteOrg(tx, p.code));
      await orgEvent(p.code, 'deleted');
      return { deleted: p.code, objects };
    },

    'types.list': async () =>
      describeTypes().map((t) => ({
        name: t.name,
        abstract: t.abstract,
        parents: t.parents,
        fields: t.fields,
        key: t.keyFields,
        nonTraversable: t.nonTraversable,
        description: t.description,
        concrete: t.concreteSubtypes,
      })),

    'objects.list': async (p) => {
      await assertOrg(db, p.org);
      return listObjects(db, p.org, {
        types: p.types,
        search: p.search,
        sort: p.sort,
        desc: p.desc,
        offset: p.offset,
        limit: p.limit,
        asOf: p.asOf ? resolveAsOf(p.asOf, clock) : undefined,
      });
    },
    'objects.get': async (p) => {
      await assertOrg(db, p.org);
      const asOf = p.asOf ? resolveAsOf(p.asOf, clock) : undefined;
      const found = await getObject(db, p.org, p.pk, asOf);
      if (!found) throw new AppError('NOT_FOUND', asOf ? `${p.pk} did not exist at ${asOf.validTime}` : `No object ${p.pk} in "${p.org}"`, { pk: p.pk });
      return found;
    },
    'objects.declare': async (p) => {
      const ooi = p.object ? toObject(p.object) : objectFromPk(p.pk!);
      bitConfigsOf(d)?.checkDeclared(ooi);
      const validTime = p.validTime ? new Date(p.validTime) : undefined;
      const changes = await graph.saveOrigins(p.org, [{ kind: 'declaration', method: p.method, source: ooi.pk, results: [ooi], validTime }]);
      return toMutationResult(changes, false, ooi.pk, originId('declaration', p.method, ooi.pk));
    },
    'objects.delete': async (p) => {
      const changes = await graph.deleteObjects(p.org, [p.pk], { dryRun: p.dryRun });
      return toMutationResult(changes, p.dryRun, p.pk);
    },
    'objects.history': async (p) => {
      await assertOrg(db, p.org);
      const versions = await objectHistory(db, p.org, p.pk);
      if (versions.length === 0) throw new AppError('NOT_FOUND', `No history for ${p.pk} in "${p.org}"`, { pk: p.pk });
      return versions;
    },
    'objects.diff': async (p) => {
      await assertOrg(db, p.org);
      return diff(db, p.org, resolveAsOf(p.from, clock), resolveAsOf(p.to, clock), p.pk);
    },
    'objects.importCsv': async (p) => {
      const rows = parseCsv(p.csv, p.network);
      const good = rows.filter((r) => r.ooi);
      let created: string[] = [];
      if (good.length > 0) {
        const changes = await graph.saveOrigins(
          p.org,
          good.map((r) => ({ kind: 'declaration' as const, method: 'csv-import', source: r.ooi!.pk, results: [r.ooi!] })),
          { dryRun: p.dryRun },
        );
        created = changes.created;
      } else {
        await assertOrg(db, p.org);
      }
      const out = rows.map((r) => (r.ooi ? { line: r.line, input: r.input, ok: true, pk: r.ooi.pk } : { line: r.line, input: r.input, ok: false, error: r.error }));
      return { rows: out, created, ok: good.length, failed: rows.length - good.length, dryRun: p.dryRun };
    },

    'origins.list': async (p) => {
      await assertOrg(db, p.org);
      return listOrigins(db, p.org, p);
    },
    'origins.save': async (p) => {
      const results = p.results.map(toObject);
      const configs = bitConfigsOf(d);
      if (configs) for (const r of results) configs.checkDeclared(r);
      const validTime = p.validTime ? new Date(p.validTime) : undefined;
      const changes = await graph.saveOrigins(p.org, [
        { kind: p.kind, method: p.method, source: p.source, sourceMethod: p.sourceMethod, taskId: p.taskId, results, parameters: p.parameters, validTime },
      ]);
      return toMutationResult(changes, false, p.source, originId(p.kind, p.method, p.source, p.sourceMethod));
    },

    'query.path': async (p) => {
      await assertOrg(db, p.org);
      return queryPath(db, p.org, p.path, p.sources, p.asOf ? resolveAsOf(p.asOf, clock) : undefined);
    },
    'query.tree': async (p) => {
      await assertOrg(db, p.org);
      const t = await tree(db, p.org, p.pk, p.depth, p.types);
      if (!t) throw new AppError('NOT_FOUND', `No object ${p.pk} in "${p.org}"`, { pk: p.pk });
      return t;
    },
    'query.validatePath': async (p) => validatePath(p.path),
  };
}
