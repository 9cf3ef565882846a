import { describe, expect, it } from "vitest";
import { parseCatalogFile } from "@stagedoor/catalog";
import type { DiscoveredRepository } from "@stagedoor/connectors";
import { generatedComponent, suggestOwner, toEntityName } from "./generated-component";

const repository = (overrides: Partial<DiscoveredRepository> = {}): DiscoveredRepository => ({
  id: "R_1",
  databaseId: 1,
  name: "payments-api",
  owner: "acme",
  nameWithOwner: "acme/payments-api",
  url: "https://github.com/acme/payments-api",
  description: "Takes payments",
  defaultBranch: "main",
  isArchived: false,
  isFork: false,
  isPrivate: true,
  pushedAt: null,
  topics: ["payments", "Not A Tag"],
  catalogFiles: [],
  codeowners: null,
  ci: null,
  ...overrides,
});

describe("generated Components", () => {
  it("turns repository names into valid entity names", () => {
    expect(toEntityName("payments-api")).toBe("payments-api");
    expect(toEntityName(".github")).toBe("github");
    expect(toEntityName("a".repeat(80))).toHaveLength(63);
    expect(toEntityName("---")).toBeNull();
  });

  it("is a Component Backstage accepts, with the project slug and an inferred or fallback owner", () => {
    const owned = generatedComponent(repository(), { ref: "group:default/platform", source: "team" }, "acme")!;
    const parsed = parseCatalogFile(owned.content, { file: owned.name });
    expect(parsed.valid).toBe(true);
    const entity = parsed.documents[0]!.entity!.entity;
    expect(entity.metadata.annotations?.["github.com/project-slug"]).toBe("acme/payments-api");
    expect(entity.metadata.tags).toEqual(["payments"]);
    expect(entity.spec).toMatchObject({ type: "service", lifecycle: "unknown", owner: "group:default/platform" });

    const unowned = generatedComponent(repository({ isArchived: true }), null, "Acme")!;
    const spec = parseCatalogFile(unowned.content, { file: unowned.name }).documents[0]!.entity!.entity.spec;
    expect(spec).toMatchObject({ lifecycle: "deprecated", owner: "group:default/acme" });
  });

  it("prefers CODEOWNERS over the strongest team", () => {
    const codeowners = {
      status: "ok" as const,
      path: ".github/CODEOWNERS",
      url: "u",
      text: "* @acme/web\n",
      byteSize: 12,
      sha: "x",
    };
    expect(suggestOwner(repository({ codeowners }), "acme", "platform")).toEqual({
      ref: "group:default/web",
      source: "codeowners",
    });
    expect(suggestOwner(repository(), "acme", "platform")).toEqual({ ref: "group:default/platform", source: "team" });
    expect(suggestOwner(repository(), "acme", undefined)).toBeNull();
  });
});
