"use client";

import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { displayRef, entityHref } from "@/lib/entity-ref";
import { Alert, Card, Spinner } from "@/components/ui";
import { layoutGraph } from "./graph-layout";

const SIZE = 640;
const KIND_COLORS: Record<string, string> = {
  component: "#4f46e5",
  api: "#0891b2",
  resource: "#b45309",
  system: "#7c3aed",
  domain: "#be185d",
  group: "#059669",
  user: "#16a34a",
};

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
  const [hover, setHover] = useState<string | null>(null);

  return (
    <Card
      title="Graph"
      description="Relations around this entity. Select a node to open it."
      actions={
        <label className="flex items-center gap-2 text-sm text-slate-600">
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
      ) : graph.data.nodes.length <= 1 ? (
        <p className="text-sm text-slate-500">No relations to draw.</p>
      ) : (
        <GraphSvg slug={slug} graph={graph.data} hover={hover} setHover={setHover} onOpen={onOpen} />
      )}
      {graph.data?.truncated ? (
        <p className="mt-2 text-xs text-slate-500">Showing the first {graph.data.nodes.length} entities.</p>
      ) : null}
    </Card>
  );
}

function GraphSvg(props: {
  slug: string;
  graph: Parameters<typeof layoutGraph>[0];
  hover: string | null;
  setHover: (ref: string | null) => void;
  onOpen: (ref: string) => void;
}) {
  const nodes = layoutGraph(props.graph, SIZE);
  const at = new Map(nodes.map((n) => [n.ref, n]));
  return (
    <svg
      viewBox={`0 0 ${SIZE} ${SIZE}`}
      className="mx-auto w-full max-w-2xl"
      role="group"
      aria-label="Entity relation graph"
    >
      <defs>
        <marker
          id="arrow"
          viewBox="0 0 10 10"
          refX="10"
          refY="5"
          markerWidth="6"
          markerHeight="6"
          orient="auto-start-reverse"
        >
          <path d="M 0 0 L 10 5 L 0 10 z" fill="#94a3b8" />
        </marker>
      </defs>
      {props.graph.edges.map((e) => {
        const a = at.get(e.sourceRef);
        const b = at.get(e.targetRef);
        if (!a || !b) return null;
        const lit = props.hover === e.sourceRef || props.hover === e.targetRef;
        const dx = b.x - a.x;
        const dy = b.y - a.y;
        const len = Math.hypot(dx, dy) || 1;
        const r = 22;
        return (
          <g key={`${e.sourceRef}-${e.type}-${e.targetRef}`}>
            <line
              x1={a.x + (dx / len) * r}
              y1={a.y + (dy / len) * r}
              x2={b.x - (dx / len) * r}
              y2={b.y - (dy / len) * r}
              stroke={lit ? "#4f46e5" : "#cbd5e1"}
              strokeWidth={lit ? 2 : 1.2}
              markerEnd="url(#arrow)"
            />
            {lit ? (
              <text
                x={(a.x + b.x) / 2}
                y={(a.y + b.y) / 2 - 4}
                textAnchor="middle"
                className="fill-slate-600 text-[11px]"
              >
                {e.type}
              </text>
            ) : null}
          </g>
        );
      })}
      {nodes.map((n) => {
        const color = n.dangling ? "#94a3b8" : (KIND_COLORS[n.kind?.toLowerCase() ?? ""] ?? "#475569");
        const label = n.title ?? n.name ?? displayRef(n.ref);
        const isRoot = n.ref === props.graph.root;
        return (
          <a
            key={n.ref}
            href={n.dangling ? undefined : entityHref(props.slug, n.ref)}
            aria-label={`${n.kind ?? "missing"} ${label}${n.dangling ? " (not in the catalog)" : ""}`}
            data-ref={n.ref}
            onClick={(ev) => {
              ev.preventDefault();
              if (!n.dangling && !isRoot) props.onOpen(n.ref);
            }}
            onMouseEnter={() => props.setHover(n.ref)}
            onMouseLeave={() => props.setHover(null)}
            onFocus={() => props.setHover(n.ref)}
            onBlur={() => props.setHover(null)}
            className={n.dangling ? "cursor-default" : "cursor-pointer focus:outline-none"}
          >
            <circle
              cx={n.x}
              cy={n.y}
              r={isRoot ? 26 : 20}
              fill={isRoot ? color : "white"}
              stroke={color}
              strokeWidth={props.hover === n.ref ? 4 : 2}
              strokeDasharray={n.dangling ? "4 3" : undefined}
            />
            <text
              x={n.x}
              y={n.y + 4}
              textAnchor="middle"
              className={`text-[10px] font-semibold ${isRoot ? "fill-white" : "fill-slate-700"}`}
            >
              {(n.kind ?? "?").slice(0, 3).toUpperCase()}
            </text>
            <text x={n.x} y={n.y + (isRoot ? 42 : 34)} textAnchor="middle" className="fill-slate-800 text-[12px]">
              {label.length > 22 ? `${label.slice(0, 21)}…` : label}
            </text>
          </a>
        );
      })}
    </svg>
  );
}
