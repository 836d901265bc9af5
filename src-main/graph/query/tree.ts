/**
 * The tree around an object (OpenKAT's /tree): both directions, level by level with one set-based
 * query per level. A node appears once (never walking back to a visited node); objects of
 * non-traversable types are shown but not expanded, unless they are the root. With `types`, a node
 * is kept when its type matches or a descendant is kept (the root always stays).
 */
import type { TreeNode } from '../../api/types.js';
import type { Queryable } from '../../db/database.js';
import { typeInfo } from '../model/registry.js';
import { expandTypes } from './list.js';
import { reverseNameOf } from './neighbours.js';

interface EdgeRow {
  parent: string;
  dir: 'out' | 'in';
  attr: string;
  other: string;
  other_type: string;
}

const EDGES_SQL = `
  SELECT r.source AS parent, 'out' AS dir, r.attr, r.target AS other, o.type AS other_type
    FROM refs r JOIN objects o ON o.org = r.org AND o.pk = r.target
   WHERE r.org = $1 AND r.source = ANY($2::text[])
  UNION ALL
  SELECT r.target, 'in', r.attr, r.source, o.type
    FROM refs r JOIN objects o ON o.org = r.org AND o.pk = r.source
   WHERE r.org = $1 AND r.target = ANY($2::text[])`;

function expandable(node: TreeNode, isRoot: boolean): boolean {
  return isRoot || !(typeInfo(node.type)?.def.nonTraversable ?? false);
}

export async function tree(
  q: Queryable,
  org: string,
  pk: string,
  depth: number,
  types?: readonly string[],
): Promise<TreeNode | null> {
  const wanted = expandTypes(types);
  const rootRow = await q.query<{ type: string }>('SELECT type FROM objects WHERE org = $1 AND pk = $2', [org, pk]);
  if (!rootRow.rows[0]) return null;
  const root: TreeNode = { pk, type: rootRow.rows[0].type, children: {} };
  const visited = new Set<string>([pk]);
  let frontier: TreeNode[] = [root];
  for (let level = 0; level < depth; level++) {
    const expand = frontier.filter((n) => expandable(n, n === root));
    if (expand.length === 0) break;
    const byPk = new Map(expand.map((n, i) => [n.pk, { node: n, order: i }]));
    const rows = (await q.query<EdgeRow>(EDGES_SQL, [org, expand.map((n) => n.pk)])).rows.map((r) => ({
      ...r,
      relation: r.dir === 'out' ? r.attr : reverseNameOf(r.other_type, r.attr),
    }));
    rows.sort(
      (a, b) =>
        byPk.get(a.parent)!.order - byPk.get(b.parent)!.order ||
        cmp(a.relation, b.relation) ||
        cmp(a.other, b.other),
    );
    const next: TreeNode[] = [];
    for (const r of rows) {
      if (visited.has(r.other)) continue;
      visited.add(r.other);
      const child: TreeNode = { pk: r.other, type: r.other_type, children: {} };
      (byPk.get(r.parent)!.node.children[r.relation] ??= []).push(child);
      next.push(child);
    }
    frontier = next;
  }
  if (wanted) prune(root, new Set(wanted));
  return root;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Drops children that neither match nor lead to a match; true when `node` itself is kept. */
function prune(node: TreeNode, wanted: ReadonlySet<string>): boolean {
  for (const [rel, children] of Object.entries(node.children)) {
    const kept = children.filter((c) => prune(c, wanted));
    if (kept.length) node.children[rel] = kept;
    else delete node.children[rel];
  }
  return wanted.has(node.type) || Object.keys(node.children).length > 0;
}
