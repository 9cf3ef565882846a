import { describe, expect, it } from "vitest";
import { historyRefusal, historyStart, planInForce } from "./plan-capabilities";
import { paymentStanding } from "./entitlements";

const now = new Date("2026-11-27T15:00:00Z");
const DAY = 86_400_000;
const row = (plan: string, status: string, graceDays: number | null) => ({
  plan,
  status,
  graceEndsAt: graceDays === null ? null : new Date(now.getTime() + graceDays * DAY),
});

describe("a plan as it applies now", () => {
  it("follows the one payment lifecycle: paying, grace, lapsed after grace, unpaid", () => {
    expect(paymentStanding(row("team", "active", null), now)).toBe("paying");
    expect(paymentStanding(row("team", "trialing", null), now)).toBe("paying");
    expect(paymentStanding(row("team", "past_due", 2), now)).toBe("grace");
    expect(paymentStanding(row("team", "past_due", -1), now)).toBe("lapsed");
    expect(paymentStanding(row("team", "past_due", null), now)).toBe("lapsed");
    expect(paymentStanding(row("free", "canceled", null), now)).toBe("unpaid");
  });

  it("keeps a paid plan's capabilities during grace and falls back to Free's after", () => {
    expect(planInForce(row("enterprise", "past_due", 2), now)).toMatchObject({
      key: "enterprise",
      lapsed: false,
      capabilities: { scim: true, historyDays: 400 },
    });
    expect(planInForce(row("enterprise", "past_due", -1), now)).toMatchObject({
      key: "enterprise",
      name: "Enterprise",
      lapsed: true,
      capabilities: { scim: false, requireSso: false, auditExport: false, integrationsPerKind: 1, historyDays: 30 },
    });
    expect(planInForce(null, now)).toMatchObject({ key: "free", lapsed: false });
  });

  it("bounds history to the plan's days including today, naming the plan that reaches further", () => {
    const free = planInForce(null, now);
    expect(historyStart(free, now).toISOString()).toBe("2026-10-29T00:00:00.000Z");
    expect(historyRefusal(free, new Date("2026-10-29T00:00:00Z"), now)).toBeNull();
    expect(historyRefusal(free, new Date("2026-10-28T23:59:59Z"), now)).toBe(
      "The Free plan shows the last 30 days of history (from 2026-10-29); nothing older is deleted. " +
        "The Team plan shows 90 days: an admin can upgrade on the Billing page.",
    );
    const enterprise = planInForce(row("enterprise", "active", null), now);
    expect(historyRefusal(enterprise, new Date(now.getTime() - 500 * DAY), now)).toMatch(
      /^The Enterprise plan shows the last 400 days of history \(from 2025-10-24\); nothing older is deleted\.$/,
    );
  });
});
