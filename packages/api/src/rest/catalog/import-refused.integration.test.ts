import { describe, it, expect, beforeAll } from "vitest";
import { MAX_FILE_BYTES } from "@stagedoor/catalog";
import { MAX_IMPORT_BODY_BYTES } from "./import-route";
import { orgWithCatalog, restClient } from "../../testing/rest";

// A refused import must be refused before anything is written: not an entity, not a
// source, not an audit row. Each case counts all three before and after.
const doc = (name: string, extra = "") =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n${extra}`;

const rest = restClient();
let a: Awaited<ReturnType<typeof orgWithCatalog>>;

beforeAll(async () => {
  a = await orgWithCatalog(doc("existing"));
});

async function written() {
  const [entities, sources, audit] = await Promise.all([
    a.tdb.catalogEntity.count(),
    a.tdb.catalogSource.count(),
    a.tdb.auditLog.count(),
  ]);
  return { entities, sources, audit };
}

function chunked(text: string, times: number): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode(text);
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent++ >= times) return controller.close();
      controller.enqueue(chunk);
    },
  });
}

const post = (path: string, body: string | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
  rest.call(path, {
    method: "POST",
    body,
    headers: { authorization: `Bearer ${a.write}`, ...headers },
    duplex: "half",
  } as RequestInit);

describe("catalog REST import: refused bodies write nothing", () => {
  it("writes when the body is fine (so the checks below can see writes)", async () => {
    const before = await written();
    const res = await post("/import?source=ok", doc("fine"));
    expect(res.status).toBe(200);
    const after = await written();
    expect(after.entities).toBe(before.entities + 1);
    expect(after.sources).toBe(before.sources + 1);
    expect(after.audit).toBeGreaterThan(before.audit);
  });

  it.each([
    ["a YAML body over the file limit", () => `${doc("big")}  description: ${"x".repeat(MAX_FILE_BYTES)}\n`, {}],
    [
      "a chunked YAML body over the file limit, without Content-Length",
      () => chunked(`# ${"x".repeat(1022)}\n`, MAX_FILE_BYTES / 1024 + 1),
      {},
    ],
    [
      "a chunked JSON body over the import limit",
      () => chunked(" ".repeat(64 * 1024), MAX_IMPORT_BODY_BYTES / (64 * 1024) + 1),
      { "content-type": "application/json" },
    ],
  ])("refuses %s with 413", async (_, body, headers: Record<string, string>) => {
    const before = await written();
    const res = await post("/import?source=big", body(), headers);
    expect(res.status).toBe(413);
    expect(res.body.error.name).toBe("PayloadTooLargeError");
    expect(await written()).toEqual(before);
  });

  it.each([
    ["JSON that does not parse", '{"files": [', /not valid JSON/],
    ["JSON of the wrong shape", JSON.stringify({ files: [{ name: "a.yaml" }] }), /Send \{"files"/],
    ["JSON with a file list that is not a list", JSON.stringify({ files: "catalog-info.yaml" }), /Send \{"files"/],
  ])("refuses %s with 400 and a message saying what to send", async (_, body, message) => {
    const before = await written();
    const res = await post("/import?source=malformed", body, { "content-type": "application/json" });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
    expect(await written()).toEqual(before);
  });

  it.each([
    ["YAML that does not parse", "kind: [unclosed\n"],
    ["only invalid documents", doc("Not Valid!")],
    ["no documents at all", "---\n"],
  ])("refuses %s with 400 and writes no entity", async (_, body) => {
    // The source itself is recorded, with its errors, so that the catalog's error view
    // shows them: only entities are held back.
    const before = await written();
    const res = await post("/import?source=broken-only", body);
    expect(res.status).toBe(400);
    expect((await written()).entities).toBe(before.entities);
  });
});
