import { z } from "zod";
import { AppError } from "../errors";
import { INSIGHTS_MAX_RANGE_DAYS } from "../limits";

const DAY_MS = 24 * 60 * 60 * 1000;
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD");

/** The period a report covers (both days included, UTC); the previous period has the same length. */
export const insightsRangeInput = z.strictObject({ from: isoDay, to: isoDay });
export type InsightsRangeInput = z.infer<typeof insightsRangeInput>;

export type InsightsRange = { from: string; to: string; days: number; previousFrom: string; previousTo: string };

export const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/** The last `days` days up to today (UTC): the page's default. */
export function lastDays(days: number, now = new Date()): InsightsRangeInput {
  const to = now.toISOString().slice(0, 10);
  return { from: addDays(to, -(days - 1)), to };
}

export function resolveRange(input: InsightsRangeInput): InsightsRange {
  if (Number.isNaN(Date.parse(input.from)) || Number.isNaN(Date.parse(input.to))) {
    throw new AppError("BAD_REQUEST", "The dates must be real days (YYYY-MM-DD).");
  }
  const days = daysBetween(input.from, input.to) + 1;
  if (days < 1) throw new AppError("BAD_REQUEST", "The start of the period must not be after its end.");
  if (days > INSIGHTS_MAX_RANGE_DAYS) {
    throw new AppError("BAD_REQUEST", `Choose a period of at most ${INSIGHTS_MAX_RANGE_DAYS} days.`);
  }
  return {
    from: input.from,
    to: input.to,
    days,
    previousFrom: addDays(input.from, -days),
    previousTo: addDays(input.from, -1),
  };
}

/** Monday of the ISO week holding `day`. */
export function weekStart(day: string): string {
  const dow = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -dow);
}
