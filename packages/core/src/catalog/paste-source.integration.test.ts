import { describe, it, expect } from "vitest";
import { makeOrg, testDatabase } from "@stagedoor/db/testing";
import type { Principal } from "../authz";
import { importCatalog } from "./import-catalog";
import { getEntity } from "./get-entity";
import { importPastedCatalog, pasteSourceKey } from "./paste-source";
import { component, file, resource } from "@stagedoor/catalog/testing";

const db = testDatabase();
const admin: Principal = { type: "user", userId: "u-test", email: "owner@example.test", role: "OWNER" };

async function newCatalog() {
  const org = await makeOrg(db);
  const tdb = db.forOrg(org.id);
  // What the Register page does: check, then import into the source the check named.
  const paste = async (...documents: string[]) => {
    const files = [file("catalog-info.yaml", ...documents)];
    const check = await importPastedCatalog(tdb, admin, { files, dryRun: true });
    const done = await importPastedCatalog(tdb, admin, { source: check.source.key, files, dryRun: false });
    return { check, done };
  };
  return { tdb, paste };
}

describe("pasted catalog files", () => {
  it("gives two unrelated pastes their own sources, so neither orphans the other", async () => {
    const { tdb, paste } = await newCatalog();
    const first = await paste(component("billing"), resource("billing-db"));
    expect(first.check.source.key).toBe("paste/component/default/billing");
    expect(first.done.counts).toMatchObject({ created: 2, orphaned: 0 });

    const second = await paste(component("search"));
    expect(second.check.source.key).toBe("paste/component/default/search");
    expect(second.check.counts.orphaned).toBe(0);
    expect(second.check.orphaned).toEqual([]);
    expect(second.done.counts).toMatchObject({ created: 1, orphaned: 0 });
    expect((await getEntity(tdb, admin, "component:default/billing")).orphanedAt).toBeNull();
    expect((await getEntity(tdb, admin, "resource:default/billing-db")).orphanedAt).toBeNull();
  });

  it("sends a re-paste of the same file to its source, and the dry run names what it would orphan", async () => {
    const { tdb, paste } = await newCatalog();
    await paste(component("orders"), resource("orders-db"), resource("orders-cache"));
    const again = await paste(component("orders"));
    expect(again.check.source.key).toBe("paste/component/default/orders");
    expect(again.check.dryRun).toBe(true);
    expect(again.check.counts).toMatchObject({ unchanged: 1, orphaned: 2 });
    expect(again.check.orphaned.sort()).toEqual(["resource:default/orders-cache", "resource:default/orders-db"]);
    expect(again.done.orphaned.sort()).toEqual(["resource:default/orders-cache", "resource:default/orders-db"]);
    expect((await getEntity(tdb, admin, "resource:default/orders-db")).orphanedAt).toBeInstanceOf(Date);

    // The file's entities held by a named source: the paste goes there, not to a new one.
    const named = await importCatalog(tdb, admin, {
      source: { type: "PUSH", key: "team-repo" },
      files: [file("c.yaml", component("named-one"))],
    });
    expect(named.counts.created).toBe(1);
    expect(await pasteSourceKey(tdb, [file("x.yaml", component("named-one"))])).toBe("team-repo");
  });

  it("does not reuse a source of the derived name that holds other entities", async () => {
    const { tdb } = await newCatalog();
    await importCatalog(tdb, admin, {
      source: { type: "PUSH", key: "paste/component/default/web" },
      files: [file("c.yaml", component("something-else"))],
    });
    expect(await pasteSourceKey(tdb, [file("x.yaml", component("web"))])).toBe("paste/component/default/web-2");
  });
});
