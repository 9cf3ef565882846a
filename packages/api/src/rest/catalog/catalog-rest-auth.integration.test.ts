import { describe, it, expect, beforeAll } from "vitest";
import { component as doc, docs } from "@stagedoor/catalog/testing";
import { makeMember, makeUser } from "@stagedoor/db/testing";
import { revokeApiToken } from "@stagedoor/core";
import { ORG_SLUG_HEADER } from "../../context";
import { db, orgWithCatalog, restClient } from "../../testing/rest";
import { errorResponse } from "../../testing/backstage-shapes";

const rest = restClient();
let a: Awaited<ReturnType<typeof orgWithCatalog>>;
let b: Awaited<ReturnType<typeof orgWithCatalog>>;

beforeAll(async () => {
  // The same ref in both orgs, with different content.
  a = await orgWithCatalog(doc("shared", { system: "alpha" }));
  b = await orgWithCatalog(docs(doc("shared", { system: "beta" }), doc("only-in-b")));
});

const post = (path: string, body: string, token: string | null, headers: Record<string, string> = {}) =>
  rest.call(path, {
    method: "POST",
    body,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  });

describe("catalog REST: authentication and tenancy", () => {
  it("refuses requests without credentials, or with a bad or revoked token, with 401", async () => {
    const none = await rest.get("/entities");
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(errorResponse.parse(none.body).error.name).toBe("AuthenticationError");
    expect((await rest.get("/entities", "sdt_nope")).status).toBe(401);
    expect((await rest.call("/entities", { headers: { authorization: "Basic abc" } })).status).toBe(401);
    const { token, apiToken } = await a.token(["catalog:read"]);
    expect((await rest.get("/entities", token)).status).toBe(200);
    await revokeApiToken(a.tdb, a.actor, apiToken.id);
    expect((await rest.get("/entities", token)).status).toBe(401);
  });

  it("a token of one org never reads another org's entities", async () => {
    const mine = await rest.get("/entities?fields=metadata.name,spec.system", a.read);
    expect(mine.body).toEqual([{ metadata: { name: "shared" }, spec: { system: "alpha" } }]);
    expect((await rest.get("/entities/by-name/component/default/only-in-b", a.read)).status).toBe(404);
    const refs = await post(
      "/entities/by-refs",
      JSON.stringify({ entityRefs: ["component:default/only-in-b"] }),
      a.read,
    );
    expect(refs.body).toEqual({ items: [null] });
    const query = await rest.get(
      "/entities/by-query?fullTextFilterTerm=only&fullTextFilterFields=metadata.name",
      a.read,
    );
    expect(query.body.totalItems).toBe(0);
    const facets = await rest.get("/entity-facets?facet=spec.system", a.read);
    expect(facets.body.facets["spec.system"]).toEqual([{ value: "alpha", count: 1 }]);
  });

  it("reads with the session of a member, naming the org by slug; a non-member gets 404", async () => {
    rest.signIn(a.session);
    try {
      const ok = await rest.get("/entities?fields=metadata.name", undefined, { [ORG_SLUG_HEADER]: a.org.slug });
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual([{ metadata: { name: "shared" } }]);
      const other = await rest.get("/entities", undefined, { [ORG_SLUG_HEADER]: b.org.slug });
      expect(other.status).toBe(404);
      expect(other.body.error.name).toBe("NotFoundError");
      expect((await rest.get("/entities")).status).toBe(400);
      // Members read; importing through the session needs the admin role, like the Register page.
      const member = await makeUser(db);
      await makeMember(db, a.org.id, member.id, "MEMBER");
      rest.signIn({ userId: member.id, email: member.email, name: null });
      const slug = { [ORG_SLUG_HEADER]: a.org.slug };
      expect((await rest.get("/entities", undefined, slug)).status).toBe(200);
      expect((await post("/import?source=x", doc("y"), null, slug)).status).toBe(403);
      expect((await post("/import?source=x&dryRun=true", doc("y"), null, slug)).status).toBe(200);
      rest.signIn(a.session);
      expect((await post("/import?source=x", doc("y"), null, slug)).status).toBe(200);
      const stranger = await makeUser(db);
      rest.signIn({ userId: stranger.id, email: stranger.email, name: null });
      expect((await rest.get("/entities", undefined, { [ORG_SLUG_HEADER]: a.org.slug })).status).toBe(404);
    } finally {
      rest.signIn(null);
    }
  });
});

describe("catalog REST: import", () => {
  it("needs catalog:write to import; a read token may only dry-run", async () => {
    const denied = await post("/import?source=ci", doc("new-one"), b.read);
    expect(denied.status).toBe(403);
    expect(denied.body.error.name).toBe("NotAllowedError");
    const dry = await post("/import?source=ci&dryRun=true", doc("new-one"), b.read);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, counts: { created: 1 } });
    expect((await rest.get("/entities/by-name/component/default/new-one", b.read)).status).toBe(404);
  });

  it("imports a multi-document YAML body into a named push source", async () => {
    const res = await post("/import?source=ci&file=services.yaml", docs(doc("new-one"), doc("new-two")), b.write, {
      "content-type": "application/yaml",
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, source: { type: "PUSH", key: "ci" }, counts: { created: 2 } });
    expect(res.body.files[0]).toMatchObject({
      file: "services.yaml",
      documents: [{ status: "created" }, { status: "created" }],
    });
    const read = await rest.get("/entities/by-name/component/default/new-two", b.read);
    expect(read.status).toBe(200);
    const json = await post(
      "/import?source=ci",
      JSON.stringify({
        files: [
          { name: "a.yaml", content: doc("new-one") },
          { name: "b.yaml", content: doc("new-three") },
        ],
      }),
      b.write,
      { "content-type": "application/json" },
    );
    expect(json.body.counts).toMatchObject({ created: 1, unchanged: 1, orphaned: 1 });
  });

  it("answers 400 with file, document, line and column for documents with errors", async () => {
    const res = await post("/import?source=broken&file=bad.yaml", `${doc("fine")}---\n${doc("Not Valid!")}`, b.write);
    expect(res.status).toBe(400);
    expect(errorResponse.parse(res.body).error.name).toBe("InputError");
    expect(res.body.error.message).toMatch(/1 invalid/);
    const bad = res.body.report.files[0].documents[1];
    expect(bad).toMatchObject({ status: "invalid", document: 2 });
    expect(bad.errors[0]).toMatchObject({ file: "bad.yaml", document: 2, line: 13, column: 9, path: "metadata.name" });
    expect(bad.errors[0].message).toMatch(/^bad\.yaml doc 2 line 13:9 metadata\.name/);
    expect((await rest.get("/entities/by-name/component/default/fine", b.read)).status).toBe(200);
  });

  it("refuses bodies over the size limit with 413", async () => {
    const big = `${doc("big")}  description: ${"x".repeat(1024 * 1024)}\n`;
    const res = await post("/import?source=big", big, b.write);
    expect(res.status).toBe(413);
    expect(res.body.error.name).toBe("PayloadTooLargeError");
    const declared = await rest.call("/import", {
      method: "POST",
      body: "x",
      headers: { authorization: `Bearer ${b.write}`, "content-length": String(64 * 1024 * 1024) },
    });
    expect(declared.status).toBe(413);
  });

  it("refuses an empty import rather than orphaning a whole source", async () => {
    const res = await post("/import?source=ci", "---\n", b.write);
    expect(res.status).toBe(400);
    expect((await rest.get("/entities/by-name/component/default/new-one", b.read)).status).toBe(200);
  });
});
