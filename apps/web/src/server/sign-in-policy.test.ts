import { describe, it, expect } from "vitest";
import { signInAllowed, UNVERIFIED_EMAIL_REDIRECT } from "./sign-in-policy";

describe("signInAllowed", () => {
  it.each([false, "false"])("refuses an OIDC profile with email_verified: %j", (email_verified) => {
    expect(signInAllowed({ profile: { sub: "1", email: "ceo@acme.example", email_verified } })).toBe(
      UNVERIFIED_EMAIL_REDIRECT,
    );
  });

  it.each([{ email_verified: true }, { email_verified: "true" }, {}])("lets %j sign in", (claims) => {
    expect(signInAllowed({ profile: { sub: "1", email: "dev@acme.example", ...claims } })).toBe(true);
  });

  it("lets sign-ins without a profile (the development sign-in) through", () => {
    expect(signInAllowed({})).toBe(true);
  });
});
