import { describe, it, expect } from "vitest";
import { uniqueSlug } from "@stagedoor/db/testing";
import { callerFor, signedInUser } from "../../testing/caller";

const yaml = (email: string) =>
  [
    "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: core\nspec:\n  type: team\n  profile: { displayName: Core Team }\n  children: []\n",
    `apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata:\n  name: ann\nspec:\n  profile: { email: ${email} }\n  memberOf: [core]\n`,
    "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: billing\nspec:\n  type: service\n  lifecycle: production\n  owner: core\n",
    "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: website\nspec:\n  type: website\n  lifecycle: production\n  owner: others\n",
  ].join("---\n");

describe("home router", () => {
  it("lists Owned / Starred / All for the signed-in member, and home shows their components", async () => {
    const ann = await signedInUser();
    const slug = uniqueSlug("home");
    await callerFor(ann).org.create({ name: "Home", slug });
    const api = callerFor(ann, slug);
    await api.catalog.importYaml({ files: [{ name: "catalog-info.yaml", content: yaml(ann.email) }], dryRun: false });

    const names = async (scope: "owned" | "starred" | "all") =>
      (await api.catalog.list({ filter: { kind: ["component"] }, scope })).items.map((e) => e.name);
    expect(await names("owned")).toEqual(["billing"]);
    expect(await names("all")).toEqual(["billing", "website"]);
    expect(await names("starred")).toEqual([]);

    await api.home.star({ ref: "component:default/website", starred: true });
    expect(await api.home.starredRefs()).toEqual(["component:default/website"]);
    expect(await names("starred")).toEqual(["website"]);
    const facets = await api.catalog.facets({ filter: {}, scope: "starred", facets: ["kind"] });
    expect(facets.kind).toEqual([{ value: "Component", count: 1 }]);

    const home = await api.home.get();
    expect(home.me.userRef).toBe("user:default/ann");
    expect(home.components.map((c) => [c.name, c.ownerName])).toEqual([["billing", "Core Team"]]);
    expect(home.starred.map((e) => e.name)).toEqual(["website"]);

    await api.home.recordView({ ref: "component:default/billing" });
    expect((await api.home.get()).recent.map((e) => e.name)).toEqual(["billing"]);
    expect((await api.catalog.search({ text: "core team" })).map((h) => h.name)).toContain("billing");
    expect(await api.catalog.displayNames({ refs: ["group:default/core"] })).toEqual({
      "group:default/core": "Core Team",
    });
  });

  it("answers NOT_FOUND to strangers", async () => {
    const ann = await signedInUser();
    const eve = await signedInUser();
    const slug = uniqueSlug("home");
    await callerFor(ann).org.create({ name: "Home", slug });
    await expect(callerFor(eve, slug).home.get()).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(eve, slug).home.star({ ref: "component:x", starred: true })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
