"use client";

import { useLayoutEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from "react";
import { useQuery } from "@tanstack/react-query";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { entityHref } from "@/lib/entity-ref";
import { Alert, Button, Card, Spinner } from "@/components/ui";
import { EDGE_FONT, NODE_FONT, layoutGraph, type GraphLayout } from "./graph-layout";

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

type View = { x: number; y: number; w: number; h: number };

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
      description="Relations around this entity, left to right. Drag to pan; select a node to open it."
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
  const [fit, setFit] = useState<View>({ x: 0, y: 0, w: Math.max(layout.width, 1), h: Math.max(layout.height, 1) });
  const [view, setView] = useState<View>(fit);
  const [hover, setHover] = useState<string | null>(null);
  const svg = useRef<SVGSVGElement>(null);
  const drag = useRef<{ x: number; y: number; view: View } | null>(null);

  // Never larger than life: a small graph is drawn at 1:1 in the middle, not blown up to the
  // card's width. On a phone the whole graph would be unreadably small: start at 1:1 around
  // the entity itself, and let people pan, zoom out or reset to see it all.
  useLayoutEffect(() => {
    const rect = svg.current?.getBoundingClientRect();
    if (!rect?.width || !rect.height) return;
    const w = Math.max(layout.width, rect.width);
    const h = Math.max(layout.height, rect.height);
    const whole = { x: (layout.width - w) / 2, y: (layout.height - h) / 2, w, h };
    setFit(whole);
    const at = layout.nodes.find((n) => n.ref === root);
    if (at && rect.width < layout.width * 0.6) {
      setView({ x: Math.max(0, at.x - rect.width / 3), y: at.y - rect.height / 2, w: rect.width, h: rect.height });
    } else {
      setView(whole);
    }
  }, [layout, root]);

  const zoom = (factor: number) =>
    setView((v) => {
      const w = Math.min(fit.w * 2, Math.max(fit.w / 8, v.w / factor));
      const h = (w / v.w) * v.h;
      return { x: v.x + (v.w - w) / 2, y: v.y + (v.h - h) / 2, w, h };
    });
  const onPointerDown = (e: ReactPointerEvent<SVGSVGElement>) => {
    if ((e.target as Element).closest("a")) return;
    drag.current = { x: e.clientX, y: e.clientY, view };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: ReactPointerEvent<SVGSVGElement>) => {
    const start = drag.current;
    const rect = svg.current?.getBoundingClientRect();
    if (!start || !rect?.width) return;
    // With "meet", one screen pixel is the larger of the two ratios in view units.
    const unit = Math.max(start.view.w / rect.width, start.view.h / rect.height);
    setView({
      ...start.view,
      x: start.view.x - (e.clientX - start.x) * unit,
      y: start.view.y - (e.clientY - start.y) * unit,
    });
  };
  const endDrag = () => {
    drag.current = null;
  };
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
          <Button variant="secondary" className="px-2 py-1" aria-label="Zoom in" onClick={() => zoom(1.25)}>
            +
          </Button>
          <Button variant="secondary" className="px-2 py-1" aria-label="Zoom out" onClick={() => zoom(0.8)}>
            −
          </Button>
          <Button variant="secondary" className="px-2 py-1" onClick={() => setView(fit)}>
            Reset view
          </Button>
        </div>
      </div>
      <svg
        ref={svg}
        viewBox={`${view.x} ${view.y} ${view.w} ${view.h}`}
        preserveAspectRatio="xMidYMid meet"
        style={{ height }}
        className="w-full cursor-grab touch-none rounded-md bg-slate-50 ring-1 ring-slate-200 active:cursor-grabbing"
        role="group"
        aria-label="Entity relation graph"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
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
    </div>
  );
}
