import { describe, expect, it } from "vitest";
import { entityTabs, selectedTab } from "./entity-tabs";
import { relationWords, edgeWords } from "./relation-words";

const entity = (kind: string, annotations: Record<string, string> = {}, spec: Record<string, string> = {}) => ({
  kind,
  metadata: { name: "x", annotations },
  spec,
});
const ids = (tabs: ReturnType<typeof entityTabs>) => tabs.map((t) => t.id);

describe("entity tabs", () => {
  it("shows only the overview for an entity set up for nothing", () => {
    expect(ids(entityTabs(entity("Component"), { hasCost: false }))).toEqual(["overview"]);
  });

  it("adds CI/CD, Kubernetes and Docs only with their annotations, Cost only with cost data", () => {
    const annotated = entity("Component", {
      "github.com/project-slug": "acme/payments-api",
      "backstage.io/kubernetes-label-selector": "app=payments",
      "backstage.io/techdocs-ref": "dir:.",
    });
    expect(ids(entityTabs(annotated, { hasCost: false }))).toEqual(["overview", "cicd", "kubernetes", "docs"]);
    expect(ids(entityTabs(annotated, { hasCost: true }))).toEqual(["overview", "cicd", "kubernetes", "cost", "docs"]);
    // Without the Cost Insights plugin, the tab is there to say how to get it.
    expect(ids(entityTabs(entity("Component"), { hasCost: false, costLocked: true }))).toEqual(["overview", "cost"]);
    expect(
      ids(entityTabs(entity("Component", { "backstage.io/kubernetes-id": "payments" }), { hasCost: false })),
    ).toEqual(["overview", "kubernetes"]);
    expect(ids(entityTabs(entity("Component", { "github.com/project-slug": " " }), { hasCost: false }))).toEqual([
      "overview",
    ]);
  });

  it("gives an API its definition", () => {
    expect(ids(entityTabs(entity("API", {}, { definition: "openapi: 3.0.0" }), { hasCost: false }))).toEqual([
      "overview",
      "definition",
    ]);
  });

  it("falls back to the overview for a tab the entity does not have", () => {
    const tabs = entityTabs(entity("Component"), { hasCost: false });
    expect(selectedTab(tabs, "cicd")).toBe("overview");
    expect(selectedTab(tabs, null)).toBe("overview");
  });
});

describe("relations in words", () => {
  it("reads Backstage's relations and custom ones", () => {
    expect(relationWords("ownedBy")).toBe("Owned by");
    expect(relationWords("consumesApi")).toBe("Consumes API");
    expect(relationWords("hasMember")).toBe("Has member");
    expect(relationWords("runsOnCluster")).toBe("Runs on cluster");
    expect(edgeWords("providesApi")).toBe("provides API");
    expect(edgeWords("partOf")).toBe("part of");
  });
});
