import { createScimToken } from "@stagedoor/core";
import { makeMember, makeOrg, makeUser, testDatabase } from "@stagedoor/db/testing";
import { createScimRestHandler } from "../rest/scim/handler";

export const db = testDatabase();
const handle = createScimRestHandler({ db: () => db });

// Bodies are whatever JSON the server answered; the tests assert their shape.
export type ScimResponse = { status: number; headers: Headers; body: ReturnType<typeof JSON.parse> };

/** The SCIM handler as the Next route mounts it, called as an identity provider would. */
export async function scim(
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ScimResponse> {
  const res = await handle(
    new Request(`http://localhost/api/scim/v2${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { "content-type": "application/scim+json" }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

/** An org with an owner (so deprovisioning never hits the last-owner rule) and a SCIM token. */
export async function orgWithScim() {
  const org = await makeOrg(db);
  const owner = await makeUser(db);
  await makeMember(db, org.id, owner.id, "OWNER");
  const actor = { type: "user" as const, userId: owner.id, email: owner.email, role: "OWNER" as const };
  const tdb = db.forOrg(org.id);
  const { token, scimToken } = await createScimToken(tdb, actor, { name: "Okta" });
  return { org, tdb, actor, token, scimToken };
}
