import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeGitHub } from "@stagedoor/connectors/testing";
import { FAKE_TOKEN, startGitHub, testDeps } from "@stagedoor/core/integrations-testing";
import { setOrgPlan, uniqueSlug } from "@stagedoor/db/testing";
import type { Role } from "@stagedoor/db";
import { appRouter } from "./root";
import { CATALOG_ROUTES } from "./rest/catalog/handler";
import { ORG_SLUG_HEADER } from "./context";
import { callerFor, db, signedInUser, type TestUser } from "./testing/caller";
import { restClient } from "./testing/rest";
import { catalogDoc, PROCEDURE_SAMPLES, REST_SAMPLES, type SampleIds } from "./testing/authz-samples";

// One table-driven check of the authorization point over every tRPC procedure and every
// REST route, both enumerated from the routers themselves: anonymous callers are refused,
// members of another org get NOT_FOUND (with this org's slug or ids) and members without
// the permission get FORBIDDEN, and none of these changes anything in the org.
const deps = testDeps();
const procedures = Object.keys(
  (appRouter as unknown as { _def: { procedures: Record<string, unknown> } })._def.procedures,
);
const routes = CATALOG_ROUTES.map((r) => `${r.method} ${r.path}`);

let fake: FakeGitHub;
let ids: SampleIds;
let orgId = "";
let slugA = "";
let slugB = "";
let outsider: TestUser;
const members: Partial<Record<Role, TestUser>> = {};
const tokens = { aRead: "", bWrite: "" };

async function join(slug: string, inviter: TestUser, role: Role) {
  const user = await signedInUser();
  const { token } = await callerFor(inviter, slug).members.invite({ email: user.email, role });
  await callerFor(user).invitations.accept({ token });
  return user;
}

beforeAll(async () => {
  fake = await startGitHub({ org: "acme" });
  const owner = await signedInUser();
  slugA = uniqueSlug();
  await callerFor(owner).org.create({ name: "Org A", slug: slugA });
  members.OWNER = owner;
  orgId = (await db.admin.organization.findUniqueOrThrow({ where: { slug: slugA } })).id;
  // Enterprise, so that SCIM tokens and the plan-gated procedures exist to be refused by role.
  await setOrgPlan(db, orgId, "enterprise");
  members.ADMIN = await join(slugA, owner, "ADMIN");
  members.MEMBER = await join(slugA, owner, "MEMBER");
  const api = callerFor(owner, slugA, deps);
  const { id: integrationId } = await api.integrations.saveGithub({
    name: "GitHub",
    baseUrl: fake.url,
    owner: "acme",
    auth: { type: "token", token: FAKE_TOKEN },
  });
  const { syncRunId } = await api.integrations.syncNow({ id: integrationId });
  await api.catalog.importYaml({
    source: "main",
    files: [{ name: "c.yaml", content: catalogDoc("svc-a") }],
    dryRun: false,
  });
  const invited = await api.members.invite({ email: "pending@example.test", role: "MEMBER" });
  const created = await api.tokens.create({ name: "reader", scopes: ["catalog:read"] });
  tokens.aRead = created.token;
  const scimToken = await api.scim.createToken({ name: "idp" });
  const domain = await api.sso.addDomain({ domain: `${slugA}.example.test` });
  const memberships = await db.admin.membership.findMany({ where: { orgId } });
  const entity = await db.admin.catalogEntity.findFirstOrThrow({ where: { orgId, name: "svc-a" } });
  ids = {
    githubUrl: fake.url,
    ownerMembershipId: memberships.find((m) => m.userId === owner.userId)!.id,
    memberMembershipId: memberships.find((m) => m.userId === members.MEMBER!.userId)!.id,
    invitationId: invited.invitation.id,
    invitationToken: invited.token,
    tokenId: created.apiToken.id,
    scimTokenId: scimToken.scimToken.id,
    integrationId,
    syncRunId,
    entityRef: entity.ref,
    entityUid: entity.id,
    domainId: domain.id,
  };

  // Org B: the outsider owns it, with a catalog and a write token of its own.
  outsider = await signedInUser();
  slugB = uniqueSlug();
  await callerFor(outsider).org.create({ name: "Org B", slug: slugB });
  const b = callerFor(outsider, slugB, deps);
  await b.catalog.importYaml({
    source: "main",
    files: [{ name: "c.yaml", content: catalogDoc("svc-b") }],
    dryRun: false,
  });
  tokens.bWrite = (await b.tokens.create({ name: "writer", scopes: ["catalog:write"] })).token;
});
afterAll(() => fake?.close());

/** Everything a refused call could have changed in org A (lastUsedAt of tokens aside). */
async function snapshotA() {
  const where = { where: { orgId } };
  const [org, memberships, invitations, apiTokens, entities, sources, integrations, runs, audit, sso, domains] =
    await Promise.all([
      db.admin.organization.findUniqueOrThrow({
        where: { id: orgId },
        select: {
          name: true,
          onboardingSteps: true,
          requireSso: true,
          sessionIdleMinutes: true,
          sessionMaxMinutes: true,
        },
      }),
      db.admin.membership.findMany({ ...where, select: { id: true, role: true }, orderBy: { id: "asc" } }),
      db.admin.invitation.findMany({
        ...where,
        select: { id: true, revokedAt: true, acceptedAt: true },
        orderBy: { id: "asc" },
      }),
      db.admin.apiToken.findMany({ ...where, select: { id: true, revokedAt: true }, orderBy: { id: "asc" } }),
      db.admin.catalogEntity.findMany({ ...where, select: { ref: true, updatedAt: true }, orderBy: { ref: "asc" } }),
      db.admin.catalogSource.findMany({ ...where, select: { id: true }, orderBy: { id: "asc" } }),
      db.admin.integration.findMany({
        ...where,
        select: { id: true, name: true, config: true, status: true, updatedAt: true, credentialsCiphertext: true },
      }),
      db.admin.syncRun.findMany({ ...where, select: { id: true, status: true }, orderBy: { id: "asc" } }),
      db.admin.auditLog.count(where),
      db.admin.ssoConnection.findMany(where),
      db.admin.verifiedDomain.findMany({ ...where, orderBy: { id: "asc" } }),
    ]);
  return { org, memberships, invitations, apiTokens, entities, sources, integrations, runs, audit, sso, domains };
}

async function refusedWithoutChange(call: () => Promise<unknown>, code: string) {
  const before = await snapshotA();
  await expect(call()).rejects.toMatchObject({ code });
  expect(await snapshotA()).toEqual(before);
}

function invoke(user: TestUser | null, slug: string, path: string, input: unknown): Promise<unknown> {
  let target: unknown = callerFor(user, slug, deps);
  for (const key of path.split(".")) target = (target as Record<string, unknown>)[key];
  return (target as (input: unknown) => Promise<unknown>)(input);
}

describe("authorization of every tRPC procedure", () => {
  it("has a sample input and an access rule for every procedure, and none for procedures that are gone", () => {
    expect(procedures.length).toBeGreaterThan(0);
    expect(procedures.filter((p) => !PROCEDURE_SAMPLES[p])).toEqual([]);
    expect(Object.keys(PROCEDURE_SAMPLES).filter((p) => !procedures.includes(p))).toEqual([]);
  });

  it.each(procedures)("%s", async (path) => {
    const sample = PROCEDURE_SAMPLES[path];
    if (!sample) throw new Error(`No sample input for ${path} in testing/authz-samples.ts`);
    const input = sample.input(ids);
    await refusedWithoutChange(() => invoke(null, slugA, path, input), "UNAUTHORIZED");
    if (sample.access.kind === "authed") return;
    // A member of another org, naming this org by its slug…
    await refusedWithoutChange(() => invoke(outsider, slugA, path, input), "NOT_FOUND");
    // …or from their own org, with this org's ids.
    if (sample.access.usesIds) await refusedWithoutChange(() => invoke(outsider, slugB, path, input), "NOT_FOUND");
    for (const role of sample.access.forbiddenFor) {
      await refusedWithoutChange(() => invoke(members[role]!, slugA, path, input), "FORBIDDEN");
    }
  });
});

describe("authorization of every REST route", () => {
  const rest = restClient();
  const send = (key: string, auth: { token?: string; session?: TestUser; slug?: string }) => {
    const sample = REST_SAMPLES[key]!;
    const method = key.split(" ")[0]!;
    const headers: Record<string, string> = {};
    if (auth.token) headers.authorization = `Bearer ${auth.token}`;
    if (auth.slug) headers[ORG_SLUG_HEADER] = auth.slug;
    rest.signIn(auth.session ?? null);
    return rest.call(sample.path(ids), { method, headers, body: sample.body?.(ids) });
  };
  const statusWithoutChange = async (call: () => Promise<{ status: number }>, status: number) => {
    const before = await snapshotA();
    expect((await call()).status).toBe(status);
    expect(await snapshotA()).toEqual(before);
  };

  it("has a sample request for every route in the route table, and none for routes that are gone", () => {
    expect(routes.filter((r) => !REST_SAMPLES[r])).toEqual([]);
    expect(Object.keys(REST_SAMPLES).filter((r) => !routes.includes(r))).toEqual([]);
  });

  it.each(routes)("%s", async (key) => {
    const sample = REST_SAMPLES[key];
    if (!sample) throw new Error(`No sample request for ${key} in testing/authz-samples.ts`);
    await statusWithoutChange(() => send(key, { slug: slugA }), 401);
    // Another org's member naming this org: the same 404 as a missing org.
    await statusWithoutChange(() => send(key, { session: outsider, slug: slugA }), 404);
    // Another org's token, even with this org's slug: it only ever sees its own org.
    const foreign = await (async () => {
      const before = await snapshotA();
      const res = await send(key, { token: tokens.bWrite, slug: slugA });
      expect(await snapshotA()).toEqual(before);
      return res;
    })();
    if (sample.idsInPath) expect(foreign.status).toBe(404);
    else expect(JSON.stringify(foreign.body)).not.toContain("svc-a");
    if (sample.writes) {
      await statusWithoutChange(() => send(key, { session: members.MEMBER!, slug: slugA }), 403);
      await statusWithoutChange(() => send(key, { token: tokens.aRead }), 403);
    } else {
      expect((await send(key, { session: members.MEMBER!, slug: slugA })).status).toBe(200);
      expect((await send(key, { token: tokens.aRead })).status).toBe(200);
    }
  });
});
