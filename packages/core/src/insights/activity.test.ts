import { describe, expect, it } from "vitest";
import { dailyActivity, weeklyCohorts, type UserDay } from "./activity";
import { resolveRange, weekStart } from "./report-range";

const day = (userId: string, d: string, first: string): UserDay => ({ userId, day: d, first, events: 1 });

describe("insights activity", () => {
  // 2026-11-02 is a Monday.
  const range = resolveRange({ from: "2026-11-02", to: "2026-11-22" });

  it("splits each day's active members into new and returning, days without activity included", () => {
    const rows = [
      day("a", "2026-11-02", "2026-11-02"),
      day("b", "2026-11-02", "2026-10-01"),
      day("a", "2026-11-04", "2026-11-02"),
    ];
    const daily = dailyActivity(rows, range);
    expect(daily).toHaveLength(21);
    expect(daily[0]).toEqual({ day: "2026-11-02", active: 2, new: 1, returning: 1 });
    expect(daily[1]).toEqual({ day: "2026-11-03", active: 0, new: 0, returning: 0 });
    expect(daily[2]).toEqual({ day: "2026-11-04", active: 1, new: 0, returning: 1 });
  });

  it("groups members first seen in the period by week and follows each cohort week by week", () => {
    const rows = [
      // Cohort of week 1: a and b; a comes back in week 2, both in week 3.
      day("a", "2026-11-02", "2026-11-02"),
      day("b", "2026-11-05", "2026-11-05"),
      day("a", "2026-11-10", "2026-11-02"),
      day("a", "2026-11-17", "2026-11-02"),
      day("b", "2026-11-22", "2026-11-05"),
      // Cohort of week 2: c, never back.
      day("c", "2026-11-11", "2026-11-11"),
      // Seen before the period: in no cohort.
      day("d", "2026-11-03", "2026-10-01"),
    ];
    expect(weeklyCohorts(rows, range)).toEqual([
      { week: "2026-11-02", size: 2, retained: [1, 0.5, 1] },
      { week: "2026-11-09", size: 1, retained: [1, 0] },
    ]);
  });

  it("weeks start on Monday, and a period must be 1 to 400 days", () => {
    expect(weekStart("2026-11-08")).toBe("2026-11-02");
    expect(weekStart("2026-11-09")).toBe("2026-11-09");
    expect(resolveRange({ from: "2026-11-01", to: "2026-11-30" })).toMatchObject({
      days: 30,
      previousFrom: "2026-10-02",
      previousTo: "2026-10-31",
    });
    expect(() => resolveRange({ from: "2026-11-02", to: "2026-11-01" })).toThrow(/must not be after/);
    expect(() => resolveRange({ from: "2024-01-01", to: "2026-11-01" })).toThrow(/at most 400 days/);
  });
});
