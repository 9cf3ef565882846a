import dagre from "@dagrejs/dagre";
import type { EntityGraph } from "@stagedoor/core/catalog-types";
import { edgeWords } from "./relation-words";

export type Box = { x: number; y: number; width: number; height: number };

export type PlacedNode = EntityGraph["nodes"][number] & Box & { label: string };

export type PlacedEdge = EntityGraph["edges"][number] & {
  label: string;
  /** The label's box (centre x/y), placed by the layout so labels never sit on each other. */
  labelBox: Box;
  points: Array<{ x: number; y: number }>;
};

export type GraphLayout = { nodes: PlacedNode[]; edges: PlacedEdge[]; width: number; height: number };

// Sizes in SVG units; text widths are estimated from character counts (no DOM in layout, so
// the layout is a pure function and tested as one). Generous per-character widths keep real
// glyphs inside their boxes.
export const NODE_FONT = 12;
export const EDGE_FONT = 11;
const NODE_CHAR = 7.4;
const EDGE_CHAR = 6.6;
const NODE_HEIGHT = 44;
const EDGE_LABEL_HEIGHT = 16;
export const MAX_LABEL_CHARS = 28;

export function shortLabel(label: string): string {
  return label.length > MAX_LABEL_CHARS ? `${label.slice(0, MAX_LABEL_CHARS - 1)}…` : label;
}

const nodeLabel = (n: EntityGraph["nodes"][number]) => shortLabel(n.title ?? n.name ?? n.ref.split("/").pop() ?? n.ref);

/**
 * Left to right, layered (dagre's Sugiyama layout): edges and their labels are laid out as
 * part of the graph, so neither node boxes nor edge labels overlap. Deterministic: nodes and
 * edges go in sorted, so the picture does not jump between renders.
 */
export function layoutGraph(graph: EntityGraph): GraphLayout {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: "LR", nodesep: 24, ranksep: 70, edgesep: 14, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));

  const nodes = [...graph.nodes].sort((a, b) => a.ref.localeCompare(b.ref));
  for (const n of nodes) {
    const label = nodeLabel(n);
    const kind = (n.kind ?? "missing").toUpperCase();
    const width = Math.max(label.length * NODE_CHAR, kind.length * 6.5) + 28;
    g.setNode(n.ref, { width, height: NODE_HEIGHT });
  }
  const edges = [...graph.edges].sort((a, b) =>
    `${a.sourceRef} ${a.type} ${a.targetRef}`.localeCompare(`${b.sourceRef} ${b.type} ${b.targetRef}`),
  );
  for (const e of edges) {
    const label = edgeWords(e.type);
    g.setEdge(
      e.sourceRef,
      e.targetRef,
      { width: label.length * EDGE_CHAR + 8, height: EDGE_LABEL_HEIGHT, labelpos: "c" },
      e.type,
    );
  }
  dagre.layout(g);

  const placedNodes = nodes.map((n) => {
    const at = g.node(n.ref);
    return { ...n, label: nodeLabel(n), x: at.x ?? 0, y: at.y ?? 0, width: at.width, height: at.height };
  });
  const placedEdges = edges.map((e) => {
    const at = g.edge({ v: e.sourceRef, w: e.targetRef, name: e.type });
    return {
      ...e,
      label: edgeWords(e.type),
      labelBox: { x: at.x ?? 0, y: at.y ?? 0, width: at.width ?? 0, height: at.height ?? 0 },
      points: at.points ?? [],
    };
  });
  const size = g.graph();
  return { nodes: placedNodes, edges: placedEdges, width: size.width ?? 0, height: size.height ?? 0 };
}

/** Whether two centred boxes overlap (touching edges do not count). */
export function overlaps(a: Box, b: Box): boolean {
  return Math.abs(a.x - b.x) * 2 < a.width + b.width && Math.abs(a.y - b.y) * 2 < a.height + b.height;
}
