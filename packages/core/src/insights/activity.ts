import { addDays, daysBetween, weekStart, type InsightsRange } from "./report-range";

/** One member active on one day of the period, with the first day they were seen (any day before the period for members seen earlier). */
export type UserDay = { userId: string; day: string; first: string; events: number };

export type DailyActivity = { day: string; active: number; new: number; returning: number };
export type Cohort = { week: string; size: number; retained: number[] };

/** Active, new (first day ever) and returning members per day of the period, days without activity included. */
export function dailyActivity(rows: readonly UserDay[], range: InsightsRange): DailyActivity[] {
  const byDay = new Map<string, { active: number; new: number }>();
  for (const r of rows) {
    const d = byDay.get(r.day) ?? { active: 0, new: 0 };
    d.active++;
    if (r.first === r.day) d.new++;
    byDay.set(r.day, d);
  }
  return Array.from({ length: range.days }, (_, i) => {
    const day = addDays(range.from, i);
    const d = byDay.get(day) ?? { active: 0, new: 0 };
    return { day, active: d.active, new: d.new, returning: d.active - d.new };
  });
}

/** Longest retention row shown: a cohort's first week and the eleven after it. */
export const MAX_COHORT_WEEKS = 12;

/**
 * Weekly retention cohorts: members grouped by the week (Monday, UTC) they were first seen,
 * within the period; `retained[k]` is the share (0..1) of the cohort active in its k-th week.
 */
export function weeklyCohorts(rows: readonly UserDay[], range: InsightsRange): Cohort[] {
  const lastWeek = weekStart(range.to);
  const members = new Map<string, Set<string>>();
  const activeWeeks = new Map<string, Set<string>>();
  for (const r of rows) {
    if (r.first < range.from) continue;
    const cohort = weekStart(r.first);
    if (!members.has(cohort)) members.set(cohort, new Set());
    members.get(cohort)!.add(r.userId);
    const key = `${cohort}|${weekStart(r.day)}`;
    if (!activeWeeks.has(key)) activeWeeks.set(key, new Set());
    activeWeeks.get(key)!.add(r.userId);
  }
  return [...members.keys()].sort().map((week) => {
    const size = members.get(week)!.size;
    const weeks = Math.min(MAX_COHORT_WEEKS, daysBetween(week, lastWeek) / 7 + 1);
    const retained = Array.from({ length: weeks }, (_, k) => {
      const active = activeWeeks.get(`${week}|${addDays(week, 7 * k)}`)?.size ?? 0;
      return size ? active / size : 0;
    });
    return { week, size, retained };
  });
}
