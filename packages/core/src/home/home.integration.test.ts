import { describe, it, expect, beforeAll } from "vitest";
import { makeMember, makeOrg, makeUser, testDatabase } from "@stagedoor/db/testing";
import type { TenantDb } from "@stagedoor/db";
import { importCatalog } from "../catalog/import-catalog";
import { listEntities } from "../catalog/list-entities";
import { searchEntities } from "../catalog/search-entities";
import { displayNames } from "../catalog/display-names";
import type { WorkflowRun } from "@stagedoor/connectors";
import { upsertWorkflowRuns } from "../cicd/workflow-runs";
import { component, file, group } from "@stagedoor/catalog/testing";
import { memberIdentity } from "./member-identity";
import { listStarredEntities, starEntity, starredRefs, unstarEntity } from "./stars";
import { listRecentViews, MAX_RECENT_VIEWS, recordEntityView } from "./recent-views";
import { getHome } from "./home";
import { scopeQuery } from "./list-scope";
import type { UserPrincipal } from "../authz";

const db = testDatabase();

// The member a service acts for (home services read the signed-in member's own data).
const as = (userId: string): UserPrincipal => ({ type: "user", userId, email: "member@example.test", role: "MEMBER" });
const READER = as("reader");

let tdb: TenantDb;
let jane: { id: string; email: string };
let octo: { id: string };
let stranger: { id: string };

const userYaml = (name: string, opts: { email?: string; login?: string; memberOf?: string[] }) =>
  [
    "apiVersion: backstage.io/v1alpha1",
    "kind: User",
    "metadata:",
    `  name: ${name}`,
    ...(opts.login ? ["  annotations:", `    github.com/user-login: ${opts.login}`] : []),
    "spec:",
    `  profile: { displayName: ${name.toUpperCase()}${opts.email ? `, email: ${opts.email}` : ""} }`,
    `  memberOf: [${(opts.memberOf ?? []).join(", ")}]`,
    "",
  ].join("\n");

const slugged = (name: string, slug: string, spec: Record<string, string> = {}) =>
  component(name, spec).replace("metadata:\n", `metadata:\n  annotations:\n    github.com/project-slug: ${slug}\n`);

const run = (
  repository: string,
  id: number,
  conclusion: WorkflowRun["conclusion"],
  startedAt: string,
): WorkflowRun => ({
  repository,
  id,
  workflowName: "CI",
  status: conclusion ? "completed" : "in_progress",
  conclusion,
  branch: "main",
  commitSha: "abc",
  actor: "jane",
  event: "push",
  startedAt,
  updatedAt: startedAt,
  runNumber: id,
  runAttempt: 1,
  durationSeconds: 60,
  url: `https://github.com/${repository}/actions/runs/${id}`,
});

beforeAll(async () => {
  const org = await makeOrg(db);
  tdb = db.forOrg(org.id);
  jane = await makeUser(db, { email: `Jane-${org.id}@Example.test` });
  octo = await makeUser(db);
  stranger = await makeUser(db);
  for (const u of [jane, octo, stranger]) await makeMember(db, org.id, u.id);
  await db.admin.user.update({ where: { id: octo.id }, data: { githubLogin: "OctoCat" } });
  await importCatalog(tdb, null, {
    source: { type: "PUSH", key: "main" },
    files: [
      file(
        "org.yaml",
        group("payments-team", { profile: "{ displayName: Payments Squad }" }),
        group("search-team"),
        userYaml("jane", { email: jane.email.toLowerCase(), memberOf: ["payments-team"] }),
        userYaml("octo", { login: "octocat" }),
      ),
      file(
        "components.yaml",
        slugged("payments-api", "acme/payments-api", { owner: "payments-team" }),
        slugged("ledger", "acme/ledger", { owner: "payments-team" }),
        component("refunds", { owner: "user:jane" }, { description: "Gives money back" }),
        component("search-ui", { owner: "search-team" }, { description: "Search front end", tags: ["react"] }),
        component("jane-notes", { owner: "user:octo" }, { description: "Notes" }),
      ),
    ],
  });
  await upsertWorkflowRuns(tdb, org.id, "int-1", [
    run("acme/payments-api", 1, "success", "2026-11-01T10:00:00Z"),
    run("acme/ledger", 2, "success", "2026-11-01T09:00:00Z"),
    run("acme/ledger", 3, "failure", "2026-11-01T11:00:00Z"),
  ]);
});

describe("matching a member to their catalog User", () => {
  it("by profile email, case-insensitively, with the groups they belong to", async () => {
    expect(await memberIdentity(tdb, as(jane.id))).toEqual({
      userRef: "user:default/jane",
      displayName: "JANE",
      owners: ["user:default/jane", "group:default/payments-team"],
    });
  });

  it("by GitHub login when no email matches", async () => {
    expect((await memberIdentity(tdb, as(octo.id))).userRef).toBe("user:default/octo");
  });

  it("finds nothing for a member the catalog does not know, so nothing is theirs", async () => {
    expect(await memberIdentity(tdb, as(stranger.id))).toEqual({ userRef: null, displayName: null, owners: [] });
    const owned = await listEntities(tdb, READER, await scopeQuery(tdb, as(stranger.id), {}, "owned"));
    expect(owned.items).toEqual([]);
  });
});

describe("home", () => {
  it("shows my and my teams' components, failing CI first", async () => {
    const home = await getHome(tdb, as(jane.id));
    expect(home.components.map((c) => [c.name, c.ci?.conclusion ?? null])).toEqual([
      ["ledger", "failure"],
      ["payments-api", "success"],
      ["refunds", null],
    ]);
    expect(home.componentTotal).toBe(3);
    expect(home.health.missingDescription.items.map((e) => e.name)).toEqual(["ledger", "payments-api"]);
    expect(home.health.missingDescription.count).toBe(2);
    expect(home.health.withErrors.count).toBe(0);
  });

  it("keeps stars per member and lists the entities that still exist", async () => {
    await starEntity(tdb, as(jane.id), "component:search-ui");
    await starEntity(tdb, as(jane.id), "component:default/search-ui");
    expect(await starredRefs(tdb, as(jane.id))).toEqual(["component:default/search-ui"]);
    expect(await starredRefs(tdb, as(octo.id))).toEqual([]);
    expect((await listStarredEntities(tdb, jane.id)).map((e) => e.name)).toEqual(["search-ui"]);
    const starred = await listEntities(tdb, READER, await scopeQuery(tdb, as(jane.id), {}, "starred"));
    expect(starred.items.map((e) => e.name)).toEqual(["search-ui"]);
    await expect(starEntity(tdb, as(jane.id), "component:nope")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await unstarEntity(tdb, as(jane.id), "component:search-ui");
    expect(await starredRefs(tdb, as(jane.id))).toEqual([]);
  });

  it("lists stars newest first, even those made within one millisecond", async () => {
    const [ledger, payments, refunds] = ["ledger", "payments-api", "refunds"].map((n) => `component:default/${n}`);
    await starEntity(tdb, as(stranger.id), ledger!);
    // The next stars land in the same millisecond as this one (or, here, before it): they
    // must still list above it, and a tie-break by ref would put "ledger" first.
    await tdb.catalogStar.updateMany({
      where: { userId: stranger.id },
      data: { createdAt: new Date(Date.now() + 60_000) },
    });
    await starEntity(tdb, as(stranger.id), payments!);
    await starEntity(tdb, as(stranger.id), refunds!);
    expect(await starredRefs(tdb, as(stranger.id))).toEqual([refunds, payments, ledger]);
    expect((await listStarredEntities(tdb, stranger.id)).map((e) => e.ref)).toEqual([refunds, payments, ledger]);
    // Starring again changes nothing.
    await starEntity(tdb, as(stranger.id), ledger!);
    expect(await starredRefs(tdb, as(stranger.id))).toEqual([refunds, payments, ledger]);
  });

  it("keeps the newest recently viewed entities only", async () => {
    const names = ["payments-api", "ledger", "refunds", "search-ui", "jane-notes"];
    for (let i = 0; i < MAX_RECENT_VIEWS + 3; i++)
      await recordEntityView(tdb, as(octo.id), `component:${names[i % 5]}`);
    await recordEntityView(tdb, as(octo.id), "component:ledger");
    const recent = await listRecentViews(tdb, octo.id);
    expect(recent[0]!.name).toBe("ledger");
    expect(recent).toHaveLength(5);
    await recordEntityView(tdb, as(octo.id), "component:does-not-exist");
    expect(await tdb.catalogRecentView.count({ where: { userId: octo.id } })).toBeLessThanOrEqual(MAX_RECENT_VIEWS);
    expect(await tdb.catalogRecentView.count({ where: { entityRef: "component:default/does-not-exist" } })).toBe(0);
  });
});

describe("search", () => {
  it("the list tolerates typos in names when asked (the REST API does not)", async () => {
    const fuzzy = await listEntities(tdb, READER, { text: "paymnts", fuzzy: true });
    expect(fuzzy.items.map((e) => e.name)).toContain("payments-api");
    expect((await listEntities(tdb, READER, { text: "paymnts" })).items).toEqual([]);
    const part = await listEntities(tdb, READER, { text: "payments-apu", fuzzy: true });
    expect(part.items.map((e) => e.name)).toContain("payments-api");
  });

  it("global search finds by name, description, tag and owner, with the owner's display name", async () => {
    const [first] = await searchEntities(tdb, READER, "payments-api");
    expect(first).toMatchObject({ name: "payments-api", kind: "Component", ownerName: "Payments Squad" });
    expect((await searchEntities(tdb, READER, "money")).map((h) => h.name)).toEqual(["refunds"]);
    expect((await searchEntities(tdb, READER, "react")).map((h) => h.name)).toEqual(["search-ui"]);
    const byOwner = (await searchEntities(tdb, READER, "payments squad")).map((h) => h.name);
    expect(byOwner).toEqual(expect.arrayContaining(["ledger", "payments-api"]));
    expect(await searchEntities(tdb, READER, "  ")).toEqual([]);
  });

  it("display names come from profiles, then titles", async () => {
    expect(
      await displayNames(tdb, READER, [
        "group:default/payments-team",
        "group:default/search-team",
        "user:default/jane",
      ]),
    ).toEqual({
      "group:default/payments-team": "Payments Squad",
      "user:default/jane": "JANE",
    });
  });
});

describe("across orgs", () => {
  it("another org can neither star nor see these entities, stars or visits", async () => {
    const other = await makeOrg(db);
    const otherDb = db.forOrg(other.id);
    await makeMember(db, other.id, jane.id);
    await starEntity(tdb, as(jane.id), "component:ledger");
    await expect(starEntity(otherDb, as(jane.id), "component:ledger")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await starredRefs(otherDb, as(jane.id))).toEqual([]);
    expect(await otherDb.catalogStar.count()).toBe(0);
    expect(await otherDb.catalogRecentView.count()).toBe(0);
    expect((await getHome(otherDb, as(jane.id))).me.userRef).toBeNull();
    expect(await searchEntities(otherDb, READER, "ledger")).toEqual([]);
  });
});
