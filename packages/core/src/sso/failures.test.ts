import { describe, expect, it } from "vitest";
import { describeSsoFailure } from "./failures";

const wrapped = (message: string) => Object.assign(new Error("CallbackRouteError"), { cause: new Error(message) });
const uri = "https://portal.test/api/auth/callback/sso-acme";

describe("describeSsoFailure", () => {
  it("names the usual causes in words an admin can act on", () => {
    expect(describeSsoFailure(wrapped('unexpected JWT "iss" (issuer) claim value'), uri)).toMatch(/^Wrong issuer/);
    expect(
      describeSsoFailure(
        wrapped('unexpected JWT "exp" (expiration time) claim value, expiration is past current timestamp'),
        uri,
      ),
    ).toMatch(/clock skew/);
    expect(describeSsoFailure(wrapped("invalid_request: redirect_uri did not match"), uri)).toContain(uri);
    expect(describeSsoFailure(wrapped("invalid_client"), uri)).toMatch(/client ID or secret/);
    expect(describeSsoFailure(wrapped("JWS signature verification failed"), uri)).toMatch(/signature/);
    expect(describeSsoFailure(new Error("something else"), uri)).toMatch(
      /^Sign-in with the IdP failed. \(something else\)/,
    );
  });
});
