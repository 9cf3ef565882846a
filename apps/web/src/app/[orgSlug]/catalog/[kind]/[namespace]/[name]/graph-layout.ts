import type { EntityGraph } from "@stagedoor/core/catalog-types";

export type PlacedNode = EntityGraph["nodes"][number] & { x: number; y: number; depth: number };

/**
 * Concentric rings: the entity in the middle, its direct relations on the first ring,
 * theirs on the next. Deterministic (sorted by ref), so the picture does not jump around
 * between renders.
 */
export function layoutGraph(graph: EntityGraph, size: number): PlacedNode[] {
  const adjacency = new Map<string, Set<string>>();
  for (const e of graph.edges) {
    adjacency.set(e.sourceRef, (adjacency.get(e.sourceRef) ?? new Set()).add(e.targetRef));
    adjacency.set(e.targetRef, (adjacency.get(e.targetRef) ?? new Set()).add(e.sourceRef));
  }
  const depth = new Map<string, number>([[graph.root, 0]]);
  const queue = [graph.root];
  while (queue.length) {
    const ref = queue.shift()!;
    for (const next of [...(adjacency.get(ref) ?? [])].sort()) {
      if (!depth.has(next)) {
        depth.set(next, depth.get(ref)! + 1);
        queue.push(next);
      }
    }
  }
  const rings = new Map<number, string[]>();
  for (const n of graph.nodes) {
    const d = depth.get(n.ref) ?? 1;
    rings.set(d, [...(rings.get(d) ?? []), n.ref]);
  }
  const maxDepth = Math.max(1, ...rings.keys());
  const center = size / 2;
  const step = (size / 2 - 70) / maxDepth;
  const placed = new Map<string, { x: number; y: number; depth: number }>();
  for (const [d, refs] of rings) {
    refs.sort();
    refs.forEach((ref, i) => {
      const angle = (2 * Math.PI * i) / refs.length - Math.PI / 2 + d * 0.4;
      const r = d * step;
      placed.set(ref, { x: center + r * Math.cos(angle), y: center + r * Math.sin(angle), depth: d });
    });
  }
  return graph.nodes.map((n) => ({ ...n, ...placed.get(n.ref)! }));
}
