import { describe, it, expect, beforeAll, afterAll } from "vitest";
import http from "node:http";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { createCatalogRestHandler } from "@stagedoor/api/rest";
import { component } from "@stagedoor/catalog/testing";
import { createApiToken, listEntities } from "@stagedoor/core";
import { makeMember, makeOrg, makeUser, testDatabase } from "@stagedoor/db/testing";
import { main } from "./main";
import type { Principal } from "@stagedoor/core";

// Catalog reads are authorized; these tests read as a member of the org under test.
const READER: Principal = { type: "user", userId: "test-reader", email: "reader@example.test", role: "MEMBER" };

// `stagedoor catalog push` against the real import API (the fetch handler the Next route
// mounts), on a local HTTP server.
const db = testDatabase();
let server: http.Server;
let baseUrl = "";

beforeAll(async () => {
  const handle = createCatalogRestHandler({ db: () => db, sessionUser: async () => null }, "/api/catalog");
  server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const response = await handle(
      new Request(`http://localhost${req.url}`, {
        method: req.method,
        headers,
        body: req.method === "POST" ? Buffer.concat(chunks) : undefined,
      }),
    );
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function orgWithToken(scopes: string[]) {
  const org = await makeOrg(db);
  const user = await makeUser(db);
  await makeMember(db, org.id, user.id, "OWNER");
  const { token } = await createApiToken(
    db.forOrg(org.id),
    { type: "user", userId: user.id, email: user.email, role: "OWNER" },
    { name: "ci", scopes },
  );
  return { org, token };
}

function run(args: string[]) {
  const out = new PassThrough();
  const err = new PassThrough();
  let o = "";
  let e = "";
  out.on("data", (d) => (o += d));
  err.on("data", (d) => (e += d));
  return main(args, { out, err }).then((code) => ({ code, out: o, err: e }));
}

const dir = mkdtempSync(path.join(tmpdir(), "stagedoor-push-"));
const file = path.join(dir, "catalog-info.yaml");
writeFileSync(file, component("pushed-service"));

describe("stagedoor catalog push", () => {
  it("imports the files into the token's org as one source", async () => {
    const { org, token } = await orgWithToken(["catalog:read", "catalog:write"]);
    const dry = await run([
      "catalog",
      "push",
      file,
      "--url",
      baseUrl,
      "--token",
      token,
      "--source",
      "ci-repo",
      "--dry-run",
    ]);
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(/Dry run source "ci-repo": 1 created/);
    expect((await listEntities(db.forOrg(org.id), READER, {})).items).toHaveLength(0);

    const real = await run(["catalog", "push", file, "--url", baseUrl, "--token", token, "--source", "ci-repo"]);
    expect(real.code).toBe(0);
    const items = (await listEntities(db.forOrg(org.id), READER, {})).items;
    expect(items.map((e) => e.ref)).toEqual(["component:default/pushed-service"]);
  });

  it("fails clearly with a wrong token or a read-only token, and writes nothing", async () => {
    const { org, token } = await orgWithToken(["catalog:read"]);
    const readOnly = await run(["catalog", "push", file, "--url", baseUrl, "--token", token]);
    expect(readOnly.code).toBe(1);
    expect(readOnly.err).toMatch(/Import refused \(HTTP 403\).*catalog:write/);
    const wrong = await run(["catalog", "push", file, "--url", baseUrl, "--token", "sd_wrong"]);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/Import refused \(HTTP 401\)/);
    expect((await listEntities(db.forOrg(org.id), READER, {})).items).toHaveLength(0);
  });
});
