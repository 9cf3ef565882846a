import { describe, expect, it } from "vitest";
import { authorize, type TokenPrincipal, type UserPrincipal } from "../authz";
import { pluginPermission } from "../plugins/permissions";
import { computeEntitlements, FREE_BILLING } from "./entitlements";
import { licensePolicy } from "./license-policy";
import { parsePriceConfig, priceTarget } from "./plans";

const now = new Date("2026-11-27T12:00:00Z");
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);
const member: UserPrincipal = { type: "user", userId: "u1", email: "u1@example.test", role: "MEMBER" };
const token = (creatorId: string): TokenPrincipal => ({
  type: "token",
  tokenId: "t1",
  name: "ci",
  prefix: "sdt_x",
  scopes: ["catalog:read"],
  creator: { userId: creatorId, role: "OWNER" },
});

describe("plans and prices", () => {
  it("reads price ids from configuration and maps them back", () => {
    const config = parsePriceConfig(" team=price_t , scorecards=price_s ");
    expect(config).toEqual({ plans: { team: "price_t" }, plugins: { scorecards: "price_s" } });
    expect(priceTarget(config, "price_s")).toEqual({ kind: "plugin", key: "scorecards" });
    expect(priceTarget(config, "price_other")).toBeNull();
    expect(() => parsePriceConfig("scorecard=price_s")).toThrow(/unknown plan or plugin "scorecard"/);
  });
});

describe("entitlements", () => {
  it("walks active → grace → locked → none", () => {
    const active = { ...FREE_BILLING, plan: "team", status: "active", pluginSeats: { scorecards: 3 } };
    expect(computeEntitlements(active, now).plugins.scorecards).toEqual({
      key: "scorecards",
      state: "active",
      seats: 3,
    });
    expect(computeEntitlements(active, now).plugins.insights.state).toBe("none");
    const pastDue = { ...active, status: "past_due", graceEndsAt: days(2) };
    expect(computeEntitlements(pastDue, now).plugins.scorecards.state).toBe("grace");
    expect(computeEntitlements(pastDue, days(3)).plugins.scorecards.state).toBe("locked");
    expect(computeEntitlements({ ...active, status: "canceled", pluginSeats: {} }, now).plugins.scorecards.state).toBe(
      "none",
    );
  });

  it("gives every plugin trial seats while the org's trial runs, and nothing after", () => {
    const trial = { ...FREE_BILLING, pluginTrialUsedAt: now, pluginTrialEndsAt: days(14) };
    expect(computeEntitlements(trial, now).plugins.insights).toMatchObject({ state: "trial", seats: 5 });
    expect(computeEntitlements(trial, days(15)).plugins.insights.state).toBe("none");
  });
});

describe("license policy", () => {
  const active = computeEntitlements({ ...FREE_BILLING, status: "active", pluginSeats: { scorecards: 1 } }, now);
  const read = pluginPermission("scorecards", "read");

  it("leaves core permissions alone and refuses plugins without a seat", () => {
    const policy = licensePolicy(active, new Set());
    expect(() => authorize(member, "catalog.read", { policies: [policy] })).not.toThrow();
    expect(() => authorize(member, read, { policies: [policy] })).toThrow(/You have no Scorecards license/);
    expect(() => authorize(member, read, { policies: [licensePolicy(active, new Set(["scorecards"]))] })).not.toThrow();
  });

  it("gives an API token at most its creator's seat (tokens have no plugin scope today: refused either way)", () => {
    const policy = licensePolicy(active, new Set());
    expect(policy(token("u2"), read)).toMatch(/its creator holds no Scorecards license/);
    expect(() => authorize(token("u2"), read, { policies: [licensePolicy(active, new Set(["scorecards"]))] })).toThrow(
      /API tokens may not use Scorecards/,
    );
  });
});
