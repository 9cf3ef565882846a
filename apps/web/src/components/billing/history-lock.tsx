"use client";

import { PlanLock, usePlanCapabilities } from "./plan-lock";

const DAY_MS = 86_400_000;

/**
 * How far back the org's plan lets history views reach (billing.capabilities `history`):
 * `days` including today, its first UTC day, and the next plan that reaches further. While
 * loading it allows everything: the server refuses out-of-range requests anyway.
 */
export function useHistoryLimit() {
  const history = usePlanCapabilities().data?.history;
  if (!history) return null;
  const today = Date.parse(new Date().toISOString().slice(0, 10));
  return {
    days: history.days,
    start: new Date(today - (history.days - 1) * DAY_MS).toISOString().slice(0, 10),
    next: history.longer[0] ?? null,
  };
}

/** The hint under a range picker: longer history and the plan that has it. */
export function HistoryLock({ limit }: { limit: ReturnType<typeof useHistoryLimit> }) {
  if (!limit?.next) return null;
  return (
    <PlanLock
      feature={`History beyond ${limit.days} days (up to ${limit.next.days})`}
      unlockedBy={limit.next.plan}
      testId="history-lock"
    />
  );
}
