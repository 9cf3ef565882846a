import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { generateKeyPairSync, sign, randomUUID } from "node:crypto";
import { Auth, type AuthConfig } from "@auth/core";
import { signInAllowed, UNVERIFIED_EMAIL_REDIRECT } from "./sign-in-policy";

// The whole OpenID Connect code flow through Auth.js (the library under next-auth), with
// the generic provider configured as apps/web configures it and the app's signIn callback,
// against a local identity provider whose ID token carries the claims each test picks.
// Shows that the claim arrives where the callback reads it, and that a refused sign-in
// gets no session.

const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
function idToken(claims: Record<string, unknown>): string {
  const head = `${b64url({ alg: "RS256", typ: "JWT", kid: "k1" })}.${b64url(claims)}`;
  return `${head}.${sign("sha256", Buffer.from(head), privateKey).toString("base64url")}`;
}

let idp: Server;
let issuer = "";
let nextClaims: Record<string, unknown> = {};

beforeAll(async () => {
  idp = createServer((req, res) => {
    const send = (body: unknown) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.url === "/.well-known/openid-configuration") {
      return send({
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        userinfo_endpoint: `${issuer}/userinfo`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ["code"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
      });
    }
    if (req.url === "/token" && req.method === "POST") {
      const now = Math.floor(Date.now() / 1000);
      return send({
        access_token: randomUUID(),
        token_type: "Bearer",
        expires_in: 300,
        id_token: idToken({ iss: issuer, aud: "stagedoor", sub: "u1", iat: now, exp: now + 300, ...nextClaims }),
      });
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => idp.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => idp.close(() => resolve())));

const site = "http://localhost:3000";
const config = (): AuthConfig => ({
  secret: "x".repeat(32),
  trustHost: true,
  basePath: "/api/auth",
  providers: [{ id: "oidc", name: "SSO", type: "oidc", issuer, clientId: "stagedoor", clientSecret: "s" }],
  pages: { signIn: "/sign-in", error: "/sign-in" },
  callbacks: { signIn: ({ profile }) => signInAllowed({ profile }) },
});

/** Cookies as a browser keeps them, from Set-Cookie headers. */
function jar() {
  const cookies = new Map<string, string>();
  return {
    take(res: Response) {
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(";");
        const i = pair!.indexOf("=");
        cookies.set(pair!.slice(0, i), pair!.slice(i + 1));
      }
    },
    header: () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; "),
    has: (prefix: string) => [...cookies.keys()].some((k) => k.includes(prefix) && cookies.get(k)),
  };
}

/** Signs in with the IdP answering `claims`; returns where Auth.js sends the browser. */
async function signInWith(claims: Record<string, unknown>) {
  nextClaims = claims;
  const cookies = jar();
  const csrfRes = await Auth(new Request(`${site}/api/auth/csrf`), config());
  cookies.take(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const start = await Auth(
    new Request(`${site}/api/auth/signin/oidc`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.header() },
      body: new URLSearchParams({ csrfToken, callbackUrl: `${site}/acme` }),
    }),
    config(),
  );
  cookies.take(start);
  const authorize = new URL(start.headers.get("location")!);
  expect(authorize.origin + authorize.pathname).toBe(`${issuer}/authorize`);
  const callback = new URL(`${site}/api/auth/callback/oidc`);
  callback.searchParams.set("code", "code-1");
  const state = authorize.searchParams.get("state");
  if (state) callback.searchParams.set("state", state);
  const done = await Auth(new Request(callback, { headers: { cookie: cookies.header() } }), config());
  cookies.take(done);
  return { location: done.headers.get("location"), session: cookies.has("session-token") };
}

describe("generic OIDC sign-in and email_verified", () => {
  it("refuses email_verified: false, with no session", async () => {
    const result = await signInWith({ email: "ceo@acme.example", email_verified: false });
    expect(new URL(result.location!, site).pathname + new URL(result.location!, site).search).toBe(
      UNVERIFIED_EMAIL_REDIRECT,
    );
    expect(result.session).toBe(false);
  });

  it("lets email_verified: true sign in", async () => {
    const result = await signInWith({ email: "dev@acme.example", email_verified: true });
    expect(result.location).toBe(`${site}/acme`);
    expect(result.session).toBe(true);
  });
});
