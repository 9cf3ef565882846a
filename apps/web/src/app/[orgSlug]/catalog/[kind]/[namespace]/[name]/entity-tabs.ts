import type { EntityDetail } from "@stagedoor/core/catalog-types";

type Entity = EntityDetail["entity"];

export type TabId = "overview" | "definition" | "cicd" | "kubernetes" | "cost" | "docs";
export type EntityTab = { id: TabId; label: string };

export const PROJECT_SLUG = "github.com/project-slug";
export const KUBERNETES_ID = "backstage.io/kubernetes-id";
export const KUBERNETES_SELECTOR = "backstage.io/kubernetes-label-selector";
export const TECHDOCS_REF = "backstage.io/techdocs-ref";

const has = (annotations: Record<string, string>, key: string) => Boolean(annotations[key]?.trim());

/**
 * The tabs an entity is set up for, as Backstage's entity page shows them: CI/CD with a
 * GitHub project slug, Kubernetes with its annotations, Docs with a TechDocs ref, Cost once
 * there is cost data (or, for a member without the Cost Insights plugin in an org with a
 * cost export, `costLocked`: the tab then says how to get it), and the Definition of an API.
 */
export function entityTabs(
  entity: Pick<Entity, "kind" | "metadata" | "spec">,
  data: { hasCost: boolean; costLocked?: boolean },
): EntityTab[] {
  const annotations = (entity.metadata.annotations ?? {}) as Record<string, string>;
  const tabs: EntityTab[] = [{ id: "overview", label: "Overview" }];
  if (entity.kind.toLowerCase() === "api" && typeof entity.spec?.definition === "string") {
    tabs.push({ id: "definition", label: "Definition" });
  }
  if (has(annotations, PROJECT_SLUG)) tabs.push({ id: "cicd", label: "CI/CD" });
  if (has(annotations, KUBERNETES_ID) || has(annotations, KUBERNETES_SELECTOR)) {
    tabs.push({ id: "kubernetes", label: "Kubernetes" });
  }
  if (data.hasCost || data.costLocked) tabs.push({ id: "cost", label: "Cost" });
  if (has(annotations, TECHDOCS_REF)) tabs.push({ id: "docs", label: "Docs" });
  return tabs;
}

/** The tab in the URL if the entity has it, else the overview (old links keep working). */
export function selectedTab(tabs: EntityTab[], requested: string | null): TabId {
  return tabs.find((t) => t.id === requested)?.id ?? "overview";
}
