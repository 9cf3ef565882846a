import { describe, expect, it } from "vitest";
import type { EntityGraph } from "@stagedoor/core/catalog-types";
import { layoutGraph, overlaps, type Box } from "./graph-layout";

const node = (ref: string, title: string | null = null): EntityGraph["nodes"][number] => {
  const [kind, rest] = ref.split(":") as [string, string];
  const [namespace, name] = rest.split("/") as [string, string];
  return { ref, kind, namespace, name, title, dangling: false, orphaned: false };
};

/** A neighbourhood three hops deep, with long titles and several edges between the same nodes. */
function deepGraph(): EntityGraph {
  const refs = [
    "component:default/checkout",
    "group:default/payments-team",
    "group:default/engineering",
    "system:default/shop",
    "domain:default/commerce",
    "api:default/orders-api",
    "api:default/payments-api",
    "component:default/orders",
    "component:default/payments",
    "resource:default/orders-db",
    ...Array.from({ length: 8 }, (_, i) => `user:default/person-${i}`),
    ...Array.from({ length: 6 }, (_, i) => `component:default/shop-part-with-a-long-name-${i}`),
  ];
  const edges: EntityGraph["edges"] = [
    { sourceRef: "component:default/checkout", type: "ownedBy", targetRef: "group:default/payments-team" },
    { sourceRef: "component:default/checkout", type: "partOf", targetRef: "system:default/shop" },
    { sourceRef: "component:default/checkout", type: "consumesApi", targetRef: "api:default/orders-api" },
    { sourceRef: "component:default/checkout", type: "consumesApi", targetRef: "api:default/payments-api" },
    { sourceRef: "component:default/checkout", type: "dependsOn", targetRef: "component:default/orders" },
    { sourceRef: "component:default/orders", type: "providesApi", targetRef: "api:default/orders-api" },
    { sourceRef: "component:default/payments", type: "providesApi", targetRef: "api:default/payments-api" },
    { sourceRef: "component:default/orders", type: "dependsOn", targetRef: "resource:default/orders-db" },
    { sourceRef: "component:default/orders", type: "partOf", targetRef: "system:default/shop" },
    { sourceRef: "component:default/orders", type: "ownedBy", targetRef: "group:default/payments-team" },
    { sourceRef: "system:default/shop", type: "partOf", targetRef: "domain:default/commerce" },
    { sourceRef: "system:default/shop", type: "ownedBy", targetRef: "group:default/payments-team" },
    { sourceRef: "group:default/engineering", type: "parentOf", targetRef: "group:default/payments-team" },
    ...Array.from({ length: 8 }, (_, i) => ({
      sourceRef: `user:default/person-${i}`,
      type: "memberOf",
      targetRef: "group:default/payments-team",
    })),
    ...Array.from({ length: 6 }, (_, i) => ({
      sourceRef: `component:default/shop-part-with-a-long-name-${i}`,
      type: "partOf",
      targetRef: "system:default/shop",
    })),
  ];
  return {
    root: "component:default/checkout",
    nodes: refs.map((r) => node(r, r.endsWith("orders") ? "Orders service with a very long display title" : null)),
    edges,
    truncated: false,
  };
}

describe("graph layout", () => {
  it("places no node box or edge label on another at depth 3", () => {
    const layout = layoutGraph(deepGraph());
    const boxes: Array<[string, Box]> = [
      ...layout.nodes.map((n): [string, Box] => [`node ${n.ref}`, n]),
      ...layout.edges.map((e): [string, Box] => [`label ${e.sourceRef} ${e.type} ${e.targetRef}`, e.labelBox]),
    ];
    expect(boxes).toHaveLength(24 + 27);
    const clashes: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        if (overlaps(boxes[i]![1], boxes[j]![1])) clashes.push(`${boxes[i]![0]} × ${boxes[j]![0]}`);
      }
    }
    expect(clashes).toEqual([]);
  });

  it("lays out left to right, with labels in words, inside the reported size, the same every time", () => {
    const graph = deepGraph();
    const layout = layoutGraph(graph);
    const at = new Map(layout.nodes.map((n) => [n.ref, n]));
    // Edges point right: each relation's source is left of its target.
    for (const e of layout.edges) expect(at.get(e.sourceRef)!.x).toBeLessThan(at.get(e.targetRef)!.x);
    expect(layout.edges.map((e) => e.label)).toContain("owned by");
    expect(layout.edges.map((e) => e.label)).toContain("consumes API");
    for (const n of layout.nodes) {
      expect(n.x - n.width / 2).toBeGreaterThanOrEqual(0);
      expect(n.x + n.width / 2).toBeLessThanOrEqual(layout.width);
      expect(n.y + n.height / 2).toBeLessThanOrEqual(layout.height);
    }
    expect(layoutGraph({ ...graph, nodes: [...graph.nodes].reverse(), edges: [...graph.edges].reverse() })).toEqual(
      layout,
    );
    expect(layout.nodes.find((n) => n.ref === "component:default/orders")?.label).toBe("Orders service with a very …");
  });
});
