"use client";

import { useMemo, useRef, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { entityHref } from "@/lib/entity-ref";
import { Alert, Button, Card, Spinner } from "@/components/ui";
import { EDGE_FONT, NODE_FONT, layoutGraph, type GraphLayout } from "./graph-layout";
import { useGraphView } from "./use-graph-view";

// Strokes only: text stays slate on white for contrast.
const KIND_COLORS: Record<string, string> = {
  component: "#4f46e5",
  api: "#0e7490",
  resource: "#b45309",
  system: "#7c3aed",
  domain: "#be185d",
  group: "#047857",
  user: "#15803d",
  location: "#475569",
};
const OTHER = "#475569";
const MISSING = "#94a3b8";
const colorOf = (kind: string | null) => (kind ? (KIND_COLORS[kind.toLowerCase()] ?? OTHER) : MISSING);

const MIN_HEIGHT = 180;
const MAX_HEIGHT = 440;

/** Dependency and ownership graph around one entity; click or press Enter on a node to open it. */
export function EntityGraphView({
  slug,
  entityRef,
  onOpen,
}: {
  slug: string;
  entityRef: string;
  onOpen: (ref: string) => void;
}) {
  const trpc = useTRPC();
  const [hops, setHops] = useState(1);
  const graph = useQuery(trpc.catalog.graph.queryOptions({ ref: entityRef, hops }));
  const layout = useMemo(() => (graph.data ? layoutGraph(graph.data) : null), [graph.data]);

  return (
    <Card
      title="Graph"
      description="Relations around this entity, left to right. Select a node to open it."
      actions={
        <label className="flex items-center gap-2 text-sm text-slate-700">
          Depth
          <select
            aria-label="Graph depth"
            value={hops}
            onChange={(e) => setHops(Number(e.target.value))}
            className="rounded-md border-0 py-1 pl-2 pr-7 text-sm ring-1 ring-inset ring-slate-300"
          >
            {[1, 2, 3].map((n) => (
              <option key={n} value={n}>
                {n} hop{n > 1 ? "s" : ""}
              </option>
            ))}
          </select>
        </label>
      }
    >
      {graph.isPending ? (
        <Spinner label="Loading graph" />
      ) : graph.error ? (
        <Alert>{errorInfo(graph.error).message}</Alert>
      ) : !layout || graph.data.nodes.length <= 1 ? (
        <p className="text-sm text-slate-500">No relations to draw.</p>
      ) : (
        <GraphCanvas key={`${entityRef}-${hops}`} slug={slug} root={graph.data.root} layout={layout} onOpen={onOpen} />
      )}
      {graph.data?.truncated ? (
        <p className="mt-2 text-xs text-slate-600">Showing the first {graph.data.nodes.length} entities.</p>
      ) : null}
    </Card>
  );
}

function GraphCanvas({
  slug,
  root,
  layout,
  onOpen,
}: {
  slug: string;
  root: string;
  layout: GraphLayout;
  onOpen: (ref: string) => void;
}) {
  const height = Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, layout.height));
  const [hover, setHover] = useState<string | null>(null);
  const svg = useRef<SVGSVGElement>(null);
  const { view, zoomIn, zoomOut, reset, handlers } = useGraphView(svg, layout, root);
  const kinds = [...new Set(layout.nodes.map((n) => (n.dangling ? null : n.kind)).filter((k): k is string => !!k))];
  const hasMissing = layout.nodes.some((n) => n.dangling);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <ul aria-label="Legend" className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
          {kinds.map((k) => (
            <li key={k} className="flex items-center gap-1.5">
              <span aria-hidden className="h-3 w-3 rounded-sm border-2" style={{ borderColor: colorOf(k) }} />
              {k}
            </li>
          ))}
          {hasMissing ? (
            <li className="flex items-center gap-1.5">
              <span
                aria-hidden
                className="h-3 w-3 rounded-sm border-2 border-dashed"
                style={{ borderColor: MISSING }}
              />
              not in the catalog
            </li>
          ) : null}
          <li className="flex items-center gap-1.5">
            <span aria-hidden className="h-3 w-3 rounded-sm bg-indigo-600" />
            this entity
          </li>
        </ul>
        <div className="flex gap-1">
          <Button variant="secondary" className="px-2 py-1" aria-label="Zoom in" onClick={zoomIn}>
            +
          </Button>
          <Button variant="secondary" className="px-2 py-1" aria-label="Zoom out" onClick={zoomOut}>
            −
          </Button>
          <Button variant="secondary" className="px-2 py-1" onClick={reset}>
            Reset view
          </Button>
        </div>
      </div>
      <svg
        ref={svg}
        viewBox={`${view.x} ${view.y} ${view.w} ${view.h}`}
        preserveAspectRatio="xMidYMid meet"
        style={{ height }}
        className="w-full cursor-grab touch-none rounded-md bg-slate-50 ring-1 ring-slate-200 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 active:cursor-grabbing"
        role="group"
        tabIndex={0}
        aria-label="Entity relation graph"
        aria-describedby="graph-keys"
        {...handlers}
      >
        <defs>
          <marker
            id="graph-arrow"
            viewBox="0 0 10 10"
            refX="10"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" fill="#64748b" />
          </marker>
        </defs>
        {layout.edges.map((e) => {
          const lit = hover === e.sourceRef || hover === e.targetRef;
          const d = e.points.map((p, i) => `${i ? "L" : "M"} ${p.x} ${p.y}`).join(" ");
          return (
            <g key={`${e.sourceRef} ${e.type} ${e.targetRef}`} aria-hidden>
              <path
                d={d}
                fill="none"
                stroke={lit ? "#4f46e5" : "#94a3b8"}
                strokeWidth={lit ? 2 : 1.2}
                markerEnd="url(#graph-arrow)"
              />
              <rect
                x={e.labelBox.x - e.labelBox.width / 2}
                y={e.labelBox.y - e.labelBox.height / 2}
                width={e.labelBox.width}
                height={e.labelBox.height}
                rx={3}
                fill="#f8fafc"
              />
              <text
                x={e.labelBox.x}
                y={e.labelBox.y + 4}
                textAnchor="middle"
                fontSize={EDGE_FONT}
                fill={lit ? "#3730a3" : "#334155"}
              >
                {e.label}
              </text>
            </g>
          );
        })}
        {layout.nodes.map((n) => {
          const isRoot = n.ref === root;
          const color = colorOf(n.dangling ? null : n.kind);
          const fullName = `${n.kind ?? "missing"} ${n.title ?? n.name ?? n.ref}${n.dangling ? " (not in the catalog)" : ""}`;
          return (
            <a
              key={n.ref}
              href={n.dangling ? undefined : entityHref(slug, n.ref)}
              // The visible (possibly shortened) label, so name and text agree; the title has it all.
              aria-label={`${n.kind ?? "missing"} ${n.label}${n.dangling ? " (not in the catalog)" : ""}`}
              data-ref={n.ref}
              onClick={(ev) => {
                ev.preventDefault();
                if (!n.dangling && !isRoot) onOpen(n.ref);
              }}
              onMouseEnter={() => setHover(n.ref)}
              onMouseLeave={() => setHover(null)}
              onFocus={() => setHover(n.ref)}
              onBlur={() => setHover(null)}
              className={n.dangling ? "cursor-default" : "cursor-pointer focus:outline-none"}
            >
              <rect
                x={n.x - n.width / 2}
                y={n.y - n.height / 2}
                width={n.width}
                height={n.height}
                rx={8}
                fill={isRoot ? "#4f46e5" : "white"}
                stroke={color}
                strokeWidth={hover === n.ref ? 3.5 : 2}
                strokeDasharray={n.dangling ? "4 3" : undefined}
              />
              {/* One text element, so the visible text ("COMPONENT checkout") is the link's name. */}
              <text x={n.x} textAnchor="middle">
                <tspan
                  x={n.x}
                  y={n.y - 5}
                  fontSize={9}
                  fontWeight={600}
                  letterSpacing="0.05em"
                  fill={isRoot ? "#e0e7ff" : "#475569"}
                >
                  {(n.kind ?? "missing").toUpperCase()}
                </tspan>
                <tspan x={n.x} y={n.y + 12} fontSize={NODE_FONT} fill={isRoot ? "#ffffff" : "#0f172a"}>
                  {` ${n.label}`}
                </tspan>
              </text>
              <title>{fullName}</title>
            </a>
          );
        })}
      </svg>
      <p id="graph-keys" className="text-xs text-slate-600">
        Drag or use the arrow keys to pan; pinch, Ctrl + scroll, + and − to zoom; 0 resets.
      </p>
    </div>
  );
}
