// `npm run bench -- scim [--users N] [--requests N] [--json]`
//
// SCIM provisioning latency in an org that already has N provisioned users (and one group
// holding all of them). Times POST /Users, PATCH (Entra ID's filtered-path update), Okta's
// deactivation, and adding one member to the big group, through the real route handler on
// a fresh PostgreSQL database. Writes ask for a debounced catalog refresh on the real
// BullMQ queue (REDIS_URL, default local); the refresh itself (re-emitting the org's SCIM
// catalog source, which the worker runs) is timed separately as catalogRefreshMs.
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { createScimRestHandler } from "@stagedoor/api/rest";
import { createBullSyncQueue, createScimToken, syncScimCatalog } from "@stagedoor/core";
import { createDatabase } from "@stagedoor/db";
import { createBenchDatabase } from "./bench-db";

type Options = { users: number; requests: number; json: boolean };

function options(args: string[]): Options {
  const value = (name: string, fallback: number) => {
    const i = args.indexOf(`--${name}`);
    const n = i === -1 ? fallback : Number(args[i + 1]);
    if (!Number.isFinite(n) || n < 1) throw new Error(`--${name} needs a positive number`);
    return n;
  };
  return { users: value("users", 2000), requests: value("requests", 20), json: args.includes("--json") };
}

const PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

export async function runScimBench(args: string[]): Promise<void> {
  const opts = options(args);
  const bench = await createBenchDatabase();
  const db = createDatabase({ url: bench.url, poolSize: 4 });
  const connection = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", { maxRetriesPerRequest: null });
  const prefix = `bench-scim-${randomBytes(4).toString("hex")}`;
  const queue = createBullSyncQueue({ connection, prefix });
  try {
    const org = await db.admin.organization.create({
      data: { slug: `bench-${randomBytes(3).toString("hex")}`, name: "Bench" },
    });
    const owner = await db.admin.user.create({ data: { email: `owner-${org.slug}@bench.test` } });
    await db.admin.membership.create({ data: { orgId: org.id, userId: owner.id, role: "OWNER" } });
    // SCIM at this size is an Enterprise customer: no member limit.
    await db.admin.orgBilling.create({
      data: { orgId: org.id, plan: "enterprise", status: "active", memberLimit: null },
    });
    const tdb = db.forOrg(org.id);
    const actor = { type: "user" as const, userId: owner.id, email: owner.email, role: "OWNER" as const };
    const { token } = await createScimToken(tdb, actor, { name: "bench" });
    const handle = createScimRestHandler({ db: () => db, queue: () => queue });
    const call = async (method: string, path: string, body?: unknown) => {
      const started = performance.now();
      const res = await handle(
        new Request(`http://localhost/api/scim/v2${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, "content-type": "application/scim+json" },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
      );
      const json = (await res.json().catch(() => null)) as { id?: string } | null;
      if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
      return { ms: performance.now() - started, id: json?.id ?? "" };
    };

    // The existing population, written directly (the bench times requests at this size, not the fill).
    const seeded = performance.now();
    const rows = Array.from({ length: opts.users }, (_, i) => {
      const userName = `user${i}@bench.test`;
      return {
        orgId: org.id,
        userName,
        userNameKey: userName,
        emails: [{ value: userName, type: "work", primary: true }],
      };
    });
    await tdb.scimUser.createMany({ data: rows });
    const first = await call("POST", "/Groups", { displayName: "Everyone" });
    const ids = (await tdb.scimUser.findMany({ select: { id: true } })).map((u) => u.id);
    await tdb.scimGroupMember.createMany({ data: ids.map((userId) => ({ orgId: org.id, groupId: first.id, userId })) });
    const syncOnce = await call("PATCH", `/Groups/${first.id}`, {
      schemas: [PATCH],
      Operations: [{ op: "Replace", path: "displayName", value: "Everyone!" }],
    });
    // The catalog holds them already, as after the worker's first refresh.
    await syncScimCatalog(tdb);
    const seedMs = performance.now() - seeded;

    const create: number[] = [];
    const patch: number[] = [];
    const deactivate: number[] = [];
    const addMember: number[] = [];
    for (let i = 0; i < opts.requests; i++) {
      const userName = `new${i}@bench.test`;
      const c = await call("POST", "/Users", { userName, emails: [{ value: userName, type: "work", primary: true }] });
      create.push(c.ms);
      patch.push(
        (
          await call("PATCH", `/Users/${c.id}`, {
            schemas: [PATCH],
            Operations: [{ op: "Replace", path: 'emails[type eq "work"].value', value: `renamed${i}@bench.test` }],
          })
        ).ms,
      );
      addMember.push(
        (
          await call("PATCH", `/Groups/${first.id}`, {
            schemas: [PATCH],
            Operations: [{ op: "Add", path: "members", value: [{ value: c.id }] }],
          })
        ).ms,
      );
      deactivate.push(
        (
          await call("PATCH", `/Users/${c.id}`, {
            schemas: [PATCH],
            Operations: [{ op: "replace", value: { active: false } }],
          })
        ).ms,
      );
    }
    const refreshStarted = performance.now();
    await syncScimCatalog(tdb);
    const catalogRefreshMs = performance.now() - refreshStarted;
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;
    const summary = (xs: number[]) => ({ medianMs: Math.round(median(xs)), p95Ms: Math.round(p95(xs)) });
    const result = {
      users: opts.users,
      requests: opts.requests,
      seedMs: Math.round(seedMs),
      groupRenameWithAllMembersMs: Math.round(syncOnce.ms),
      createUser: summary(create),
      patchUserEmail: summary(patch),
      addGroupMember: summary(addMember),
      deactivateUser: summary(deactivate),
      catalogRefreshMs: Math.round(catalogRefreshMs),
    };
    if (opts.json) console.log(JSON.stringify(result));
    else {
      console.log(`SCIM with ${opts.users} provisioned users (one group holding all), ${opts.requests} requests each:`);
      for (const [k, v] of Object.entries(result))
        console.log(`  ${k}: ${typeof v === "object" ? JSON.stringify(v) : v}`);
    }
  } finally {
    await queue.close();
    const keys = await connection.keys(`${prefix}:*`);
    if (keys.length) await connection.del(...keys);
    connection.disconnect();
    await db.disconnect();
    await bench.drop();
  }
}
