import { describe, it, expect, beforeAll } from "vitest";
import superjson from "superjson";
import { makeMember, makeOrg, makeUser, testDatabase } from "@stagedoor/db/testing";
import { IMPORT_YAML_MAX_CHARS, TRPC_MAX_BATCH_CALLS, TRPC_MAX_BODY_BYTES } from "@stagedoor/core";
import { ORG_SLUG_HEADER, type SessionUser } from "../context";
import { testIntegrationDeps } from "../testing/integration-deps";
import { handleTrpcRequest } from "./trpc-handler";

// The real tRPC endpoint (fetch adapter) as apps/web mounts it, without Next.
const db = testDatabase();
let session: SessionUser | null = null;
const handle = (req: Request) =>
  handleTrpcRequest(req, {
    createContext: async () => ({
      admin: db,
      user: session,
      orgSlug: req.headers.get(ORG_SLUG_HEADER),
      integrations: testIntegrationDeps(),
    }),
  });

const base = "http://localhost/api/trpc";
const MiB = 1024 * 1024;

/** A body of `total` bytes in 64 KiB chunks, with no Content-Length; counts what was pulled. */
function chunkedBody(total: number) {
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => sent };
}

const doc = (name: string, extra = "") =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n${extra}`;

let org: { id: string; slug: string };
let admin: SessionUser;

beforeAll(async () => {
  org = await makeOrg(db);
  const user = await makeUser(db);
  await makeMember(db, org.id, user.id, "ADMIN");
  admin = { userId: user.id, email: user.email, name: user.name };
});

function importYaml(body: string | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  return handle(
    new Request(`${base}/catalog.importYaml`, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", [ORG_SLUG_HEADER]: org.slug, ...headers },
      duplex: "half",
    } as RequestInit),
  );
}

/** Entities, sources and audit rows of the org: what an import would have written. */
async function written() {
  const tdb = db.forOrg(org.id);
  const [entities, sources, audit] = await Promise.all([
    tdb.catalogEntity.count(),
    tdb.catalogSource.count(),
    tdb.auditLog.count(),
  ]);
  return { entities, sources, audit };
}

describe("the tRPC endpoint's limits", () => {
  it("answers a normal call", async () => {
    session = admin;
    const res = await handle(new Request(`${base}/org.mine`));
    expect(res.status).toBe(200);
  });

  it("refuses a chunked body past the limit with 413 while reading, with no Content-Length to go by", async () => {
    session = admin;
    const body = chunkedBody(8 * MiB);
    const res = await importYaml(body.stream);
    expect(res.status).toBe(413);
    const json = superjson.deserialize(((await res.json()) as { error: never }).error) as {
      message: string;
      data: { code: string };
    };
    expect(json.data.code).toBe("PAYLOAD_TOO_LARGE");
    expect(json.message).toBe(`The request body is larger than ${TRPC_MAX_BODY_BYTES / MiB} MiB.`);
    // It stopped reading right after the limit rather than taking in all 8 MiB.
    expect(body.pulled()).toBeLessThan(TRPC_MAX_BODY_BYTES + 256 * 1024);
  });

  it("refuses a body longer than its Content-Length claims", async () => {
    session = admin;
    const body = chunkedBody(TRPC_MAX_BODY_BYTES + MiB);
    const res = await importYaml(body.stream, { "content-length": "100" });
    expect(res.status).toBe(413);
  });

  it(`refuses a batch of more than ${TRPC_MAX_BATCH_CALLS} calls with a clear message, and answers one of exactly that many`, async () => {
    session = admin;
    const paths = (n: number) => Array.from({ length: n }, () => "org.mine").join(",");
    const big = await handle(new Request(`${base}/${paths(2000)}?batch=1&input={}`));
    expect(big.status).toBe(400);
    const error = superjson.deserialize(((await big.json()) as { error: never }).error) as {
      message: string;
      data: { code: string };
    };
    expect(error.data.code).toBe("BAD_REQUEST");
    expect(error.message).toBe(
      `A batch may hold at most ${TRPC_MAX_BATCH_CALLS} calls; this one has 2000. Send them in smaller batches.`,
    );
    const full = await handle(new Request(`${base}/${paths(TRPC_MAX_BATCH_CALLS)}?batch=1&input={}`));
    expect(full.status).toBe(200);
    expect(await full.json()).toHaveLength(TRPC_MAX_BATCH_CALLS);
  });
});

describe("catalog.importYaml over HTTP: refused bodies write nothing", () => {
  const input = (files: Array<{ name: string; content: string }>, dryRun = false) =>
    JSON.stringify(superjson.serialize({ source: "manual", dryRun, files }));

  it("imports a valid file (so the checks below can see writes)", async () => {
    session = admin;
    const before = await written();
    const res = await importYaml(input([{ name: "catalog-info.yaml", content: doc("ok-one") }]));
    expect(res.status).toBe(200);
    const after = await written();
    expect(after.entities).toBe(before.entities + 1);
    expect(after.audit).toBeGreaterThan(before.audit);
  });

  it("refuses files adding up to more than the import limit with a clear error and writes nothing", async () => {
    session = admin;
    const before = await written();
    const half = `${doc("big-a")}  description: ${"x".repeat(IMPORT_YAML_MAX_CHARS / 2)}\n`;
    const res = await importYaml(
      input([
        { name: "a.yaml", content: half },
        { name: "b.yaml", content: half.replace("big-a", "big-b") },
      ]),
    );
    expect(res.status).toBe(400);
    const error = superjson.deserialize(((await res.json()) as { error: never }).error) as { message: string };
    expect(error.message).toMatch(/add up to more than 1 MiB of YAML/);
    expect(await written()).toEqual(before);
  });

  it("accepts one file at the per-file limit: what the schema takes fits in the body limit", async () => {
    session = admin;
    // Worst ordinary case for JSON: a newline (2 bytes encoded) every other character.
    const filler = "#\n".repeat((IMPORT_YAML_MAX_CHARS - 1000) / 2);
    const res = await importYaml(input([{ name: "catalog-info.yaml", content: `${doc("at-limit")}${filler}` }], true));
    expect(res.status).toBe(200);
  });

  it("refuses an oversize body with 413 and writes nothing", async () => {
    session = admin;
    const before = await written();
    const content = `${doc("too-big")}  description: ${"x".repeat(TRPC_MAX_BODY_BYTES)}\n`;
    const res = await importYaml(input([{ name: "catalog-info.yaml", content }]));
    expect(res.status).toBe(413);
    expect(await written()).toEqual(before);
  });

  it.each([
    ["not JSON", '{"json": {"source": "manual", "dryRun": false, "files": [{"name": "a.yaml", "content": "'],
    ["the wrong shape", JSON.stringify({ json: { source: "manual", dryRun: false, files: "catalog-info.yaml" } })],
    ["no files", JSON.stringify({ json: { source: "manual", dryRun: false, files: [] } })],
  ])("refuses a body that is %s with 400 and writes nothing", async (_, body) => {
    session = admin;
    const before = await written();
    const res = await importYaml(body);
    expect(res.status).toBe(400);
    expect(await written()).toEqual(before);
  });
});
