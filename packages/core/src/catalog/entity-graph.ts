import { RELATION_PAIRS } from "@stagedoor/catalog";
import { Prisma, type TenantDb } from "@stagedoor/db";
import { AppError } from "../errors";
import { ENTITIES } from "./entity-rows";
import { parseRefInput } from "./get-entity";
import { authorize, type Principal } from "../authz";

export type GraphNode = {
  ref: string;
  kind: string | null;
  namespace: string | null;
  name: string | null;
  title: string | null;
  /** No entity has this ref: something points at it, but it is not in the catalog. */
  dangling: boolean;
  orphaned: boolean;
};

/** One edge per relation pair, in its forward direction (ownedBy, dependsOn, partOf, ...). */
export type GraphEdge = { sourceRef: string; type: string; targetRef: string };

export type EntityGraph = { root: string; nodes: GraphNode[]; edges: GraphEdge[]; truncated: boolean };

export type GraphOptions = { hops?: number; maxNodes?: number; relationTypes?: string[] };

export const MAX_GRAPH_HOPS = 4;
export const MAX_GRAPH_NODES = 500;

const FORWARD = new Map<string, string>(RELATION_PAIRS.map(([forward, reverse]) => [reverse, forward]));

/**
 * The neighbourhood of an entity, breadth first, up to `hops` relations away and at most
 * `maxNodes` nodes (then `truncated`). Every hop is one indexed query, all in one
 * transaction, so the graph is a consistent snapshot.
 */
export async function getEntityGraph(
  db: TenantDb,
  by: Principal,
  refInput: string,
  options: GraphOptions = {},
): Promise<EntityGraph> {
  authorize(by, "catalog.read");
  const root = parseRefInput(refInput);
  const hops = options.hops ?? 2;
  const maxNodes = options.maxNodes ?? 150;
  if (!Number.isInteger(hops) || hops < 1 || hops > MAX_GRAPH_HOPS) {
    throw new AppError("BAD_REQUEST", `Hops must be 1-${MAX_GRAPH_HOPS}.`, { hops: "Out of range." });
  }
  if (!Number.isInteger(maxNodes) || maxNodes < 1 || maxNodes > MAX_GRAPH_NODES) {
    throw new AppError("BAD_REQUEST", `Ask for 1-${MAX_GRAPH_NODES} nodes.`, { maxNodes: "Out of range." });
  }
  const types = options.relationTypes?.length ? options.relationTypes : null;

  return db.sql(async (q) => {
    const [exists] = await q(Prisma.sql`SELECT 1 FROM ${ENTITIES} e WHERE "orgId" = ${db.orgId} AND ref = ${root}`);
    if (!exists) throw new AppError("NOT_FOUND", `No entity ${root} in this catalog.`);
    const seen = new Set([root]);
    const edges = new Map<string, GraphEdge>();
    let frontier = [root];
    let truncated = false;
    for (let hop = 0; hop < hops && frontier.length; hop++) {
      const rows = await q<GraphEdge>(Prisma.sql`
        SELECT DISTINCT "sourceRef", type, "targetRef" FROM "CatalogRelation"
        WHERE "orgId" = ${db.orgId} AND "sourceRef" = ANY(${frontier}::text[])
          ${types ? Prisma.sql`AND type = ANY(${types}::text[])` : Prisma.empty}
        ORDER BY "sourceRef", type, "targetRef"`);
      const next: string[] = [];
      for (const row of rows) {
        if (!seen.has(row.targetRef)) {
          if (seen.size >= maxNodes) {
            truncated = true;
            continue;
          }
          seen.add(row.targetRef);
          next.push(row.targetRef);
        }
        const forward = FORWARD.get(row.type);
        const edge = forward ? { sourceRef: row.targetRef, type: forward, targetRef: row.sourceRef } : row;
        edges.set(`${edge.sourceRef} ${edge.type} ${edge.targetRef}`, edge);
      }
      frontier = next;
    }
    const found = await q<GraphNode>(Prisma.sql`
      SELECT ref, entity->>'kind' AS kind, entity->'metadata'->>'namespace' AS namespace,
        entity->'metadata'->>'name' AS name, title, false AS dangling, "orphanedAt" IS NOT NULL AS orphaned
      FROM ${ENTITIES} e WHERE "orgId" = ${db.orgId} AND ref = ANY(${[...seen]}::text[])`);
    const byRef = new Map(found.map((n) => [n.ref, n]));
    const nodes = [...seen].map(
      (ref) =>
        byRef.get(ref) ?? {
          ref,
          kind: null,
          namespace: null,
          name: null,
          title: null,
          dangling: true,
          orphaned: false,
        },
    );
    return { root, nodes, edges: [...edges.values()], truncated };
  });
}
