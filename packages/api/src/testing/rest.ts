import { makeMember, makeOrg, makeUser, testDatabase } from "@stagedoor/db/testing";
import { createApiToken, importCatalog, type ApiScope } from "@stagedoor/core";
import { createCatalogRestHandler } from "../rest";
import type { SessionUser } from "../context";

const db = testDatabase();

/** The REST handler as the Next route mounts it, with a session the test controls. */
export function restClient() {
  let session: SessionUser | null = null;
  const handle = createCatalogRestHandler({ db: () => db, sessionUser: async () => session });
  const call = async (path: string, init: RequestInit = {}) => {
    const res = await handle(new Request(`http://localhost/api/catalog${path}`, init));
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
  };
  return {
    call,
    get: (path: string, token?: string, headers: Record<string, string> = {}) =>
      call(path, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } }),
    signIn(user: SessionUser | null) {
      session = user;
    },
  };
}

/** An org with a catalog pushed to source "main", its admin, and tokens for each scope. */
export async function orgWithCatalog(yaml: string) {
  const org = await makeOrg(db);
  const user = await makeUser(db);
  await makeMember(db, org.id, user.id, "ADMIN");
  const actor = { type: "user" as const, userId: user.id, email: user.email, role: "ADMIN" as const };
  const tdb = db.forOrg(org.id);
  await importCatalog(tdb, null, {
    source: { type: "PUSH", key: "main" },
    files: [{ name: "catalog-info.yaml", content: yaml }],
  });
  const token = async (scopes: ApiScope[]) => createApiToken(tdb, actor, { name: `t-${scopes.join("+")}`, scopes });
  return {
    org,
    tdb,
    actor,
    session: { userId: user.id, email: user.email, name: user.name },
    read: (await token(["catalog:read"])).token,
    write: (await token(["catalog:write"])).token,
    token,
  };
}

export { db };
