import { describe, expect, it } from "vitest";
import { refusal, type UserPrincipal } from "../authz";
import {
  isBreakGlass,
  sessionOrgContext,
  sessionTimeout,
  type OrgSessionRules,
  type SessionFacts,
} from "./session-policy";

const now = new Date("2026-11-27T12:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const org: OrgSessionRules = { id: "org-a", requireSso: true, sessionIdleMinutes: 30, sessionMaxMinutes: 8 * 60 };
const session = (over: Partial<SessionFacts> = {}): SessionFacts => ({
  ssoOrgId: "org-a",
  createdAt: minutesAgo(60),
  lastSeenAt: minutesAgo(1),
  ...over,
});
const user = (role: UserPrincipal["role"]): UserPrincipal => ({ type: "user", userId: "u", email: "u@x.test", role });

describe("session timeouts", () => {
  it("ends a session past the org's absolute or idle limit, and not before", () => {
    expect(sessionTimeout(session(), org, now)).toBeNull();
    expect(sessionTimeout(session({ lastSeenAt: minutesAgo(31) }), org, now)).toMatch(/inactivity/);
    expect(sessionTimeout(session({ createdAt: minutesAgo(8 * 60 + 1) }), org, now)).toMatch(/time limit/);
    expect(
      sessionTimeout(session({ createdAt: minutesAgo(9999) }), { ...org, sessionMaxMinutes: null }, now),
    ).toBeNull();
    expect(() => sessionOrgContext(org, session({ lastSeenAt: minutesAgo(60) }), now)).toThrow(
      expect.objectContaining({ code: "UNAUTHORIZED" }),
    );
  });
});

describe("require SSO, through authorize's policies", () => {
  it("refuses members whose session came from elsewhere, including another org's IdP", () => {
    const viaOtherIdp = sessionOrgContext(org, session({ ssoOrgId: "org-b" }), now);
    const viaGitHub = sessionOrgContext(org, session({ ssoOrgId: null }), now);
    const viaOwnIdp = sessionOrgContext(org, session(), now);
    expect(refusal(user("MEMBER"), "catalog.read", viaOtherIdp)).toMatch(
      /requires signing in through its single sign-on/,
    );
    expect(refusal(user("ADMIN"), "org.read", viaGitHub)).toMatch(/single sign-on/);
    expect(refusal(user("MEMBER"), "catalog.read", viaOwnIdp)).toBeNull();
    expect(
      refusal(
        user("MEMBER"),
        "catalog.read",
        sessionOrgContext({ ...org, requireSso: false }, session({ ssoOrgId: null }), now),
      ),
    ).toBeNull();
  });

  it("keeps the owners' break-glass path, which callers audit", () => {
    const viaGitHub = sessionOrgContext(org, session({ ssoOrgId: null }), now);
    expect(refusal(user("OWNER"), "org.update", viaGitHub)).toBeNull();
    expect(isBreakGlass(user("OWNER"), org, session({ ssoOrgId: null }))).toBe(true);
    expect(isBreakGlass(user("OWNER"), org, session())).toBe(false);
  });
});
