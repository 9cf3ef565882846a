"use client";

import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
  type PointerEvent as ReactPointerEvent,
  type RefObject,
} from "react";
import type { GraphLayout } from "./graph-layout";

export type View = { x: number; y: number; w: number; h: number };

const ZOOM_STEP = 1.25;
const PAN_STEP_PX = 60;

/**
 * Pan and zoom of the graph's viewBox: drag (mouse, pen or one finger) pans, two fingers
 * pinch, Ctrl/⌘ + wheel (and a trackpad pinch, which browsers send as one) zooms around the
 * pointer, and with the graph focused the arrow keys pan and + / − / 0 zoom or reset. A
 * plain wheel still scrolls the page, so the graph never traps it.
 */
export function useGraphView(svg: RefObject<SVGSVGElement | null>, layout: GraphLayout, root: string) {
  const [fit, setFit] = useState<View>({ x: 0, y: 0, w: Math.max(layout.width, 1), h: Math.max(layout.height, 1) });
  const [view, setView] = useState<View>(fit);
  const drag = useRef<{ x: number; y: number; view: View } | null>(null);
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const pinch = useRef<{ distance: number; view: View } | null>(null);

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
  }, [svg, layout, root]);

  /** Zooms by `factor` keeping the point at fraction (fx, fy) of the view where it is. */
  const zoomAt = (v: View, factor: number, fx = 0.5, fy = 0.5): View => {
    const w = Math.min(fit.w * 2, Math.max(fit.w / 8, v.w / factor));
    const h = (w / v.w) * v.h;
    return { x: v.x + (v.w - w) * fx, y: v.y + (v.h - h) * fy, w, h };
  };
  const zoom = (factor: number) => setView((v) => zoomAt(v, factor));
  const reset = () => setView(fit);

  // View units per screen pixel: with "meet", the larger of the two ratios.
  const unitOf = (v: View) => {
    const rect = svg.current?.getBoundingClientRect();
    return rect?.width ? Math.max(v.w / rect.width, v.h / rect.height) : 1;
  };

  // React's wheel handler is passive, so it cannot keep the page from zooming too.
  const zoomAtRef = useRef(zoomAt);
  zoomAtRef.current = zoomAt;
  useEffect(() => {
    const el = svg.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      if (!e.ctrlKey && !e.metaKey) return;
      e.preventDefault();
      const rect = el.getBoundingClientRect();
      const fx = (e.clientX - rect.left) / rect.width;
      const fy = (e.clientY - rect.top) / rect.height;
      const factor = Math.exp(-e.deltaY / 300);
      setView((v) => zoomAtRef.current(v, factor, fx, fy));
    };
    el.addEventListener("wheel", onWheel, { passive: false });
    return () => el.removeEventListener("wheel", onWheel);
  }, [svg]);

  const pinchDistance = () => {
    const [a, b] = [...pointers.current.values()];
    return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
  };

  const onPointerDown = (e: ReactPointerEvent<SVGSVGElement>) => {
    if ((e.target as Element).closest("a")) return; // a press on a node opens it
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
    e.currentTarget.setPointerCapture(e.pointerId);
    if (pointers.current.size === 2) {
      drag.current = null;
      pinch.current = { distance: pinchDistance(), view };
    } else if (pointers.current.size === 1) {
      drag.current = { x: e.clientX, y: e.clientY, view };
    }
  };
  const onPointerMove = (e: ReactPointerEvent<SVGSVGElement>) => {
    if (!pointers.current.has(e.pointerId)) return;
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
    const twoFingers = pinch.current;
    if (twoFingers && twoFingers.distance > 0) {
      setView(zoomAt(twoFingers.view, pinchDistance() / twoFingers.distance));
      return;
    }
    const start = drag.current;
    if (!start) return;
    const unit = unitOf(start.view);
    setView({
      ...start.view,
      x: start.view.x - (e.clientX - start.x) * unit,
      y: start.view.y - (e.clientY - start.y) * unit,
    });
  };
  const onPointerEnd = (e: ReactPointerEvent<SVGSVGElement>) => {
    pointers.current.delete(e.pointerId);
    pinch.current = null;
    drag.current = null;
  };
  const onKeyDown = (e: ReactKeyboardEvent<SVGSVGElement>) => {
    if (e.target !== e.currentTarget) return; // keys on a focused node belong to the node
    const step = PAN_STEP_PX * unitOf(view);
    const pan: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const move = pan[e.key];
    if (move) setView((v) => ({ ...v, x: v.x + move[0], y: v.y + move[1] }));
    else if (e.key === "+" || e.key === "=") zoom(ZOOM_STEP);
    else if (e.key === "-" || e.key === "_") zoom(1 / ZOOM_STEP);
    else if (e.key === "0") reset();
    else return;
    e.preventDefault();
  };

  return {
    view,
    zoomIn: () => zoom(ZOOM_STEP),
    zoomOut: () => zoom(1 / ZOOM_STEP),
    reset,
    handlers: {
      onPointerDown,
      onPointerMove,
      onPointerUp: onPointerEnd,
      onPointerCancel: onPointerEnd,
      onKeyDown,
    },
  };
}
