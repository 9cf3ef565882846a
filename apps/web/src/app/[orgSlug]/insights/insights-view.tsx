"use client";

import { useState } from "react";
import { keepPreviousData, useQuery, type UseQueryResult } from "@tanstack/react-query";
import type { RouterOutputs } from "@stagedoor/api/client";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { Alert, Card, EmptyState, Input, Select, Spinner } from "@/components/ui";
import { ActiveUsersChart, UsageChart } from "./activity-chart";
import { CohortTable } from "./cohort-table";
import { Kpis } from "./kpis";
import { ReportTables } from "./report-tables";
import { HistoryLock, useHistoryLimit } from "@/components/billing/history-lock";

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const lastDays = (days: number) => ({ from: isoDay(Date.now() - (days - 1) * DAY_MS), to: isoDay(Date.now()) });
const PRESETS = [7, 30, 90] as const;

/** The Insights page: a period (preset or custom), compared with the one before it. */
export function InsightsView({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const [preset, setPreset] = useState<string>("30");
  const [range, setRange] = useState(lastDays(30));
  const report = useQuery({ ...trpc.insights.report.queryOptions(range), placeholderData: keepPreviousData });
  // Only the periods the plan's history covers are offered; longer ones show the plan that has them.
  const history = useHistoryLimit();
  const presets = PRESETS.filter((d) => !history || d <= history.days);

  const choosePreset = (value: string) => {
    setPreset(value);
    if (value !== "custom") setRange(lastDays(Number(value)));
  };

  return (
    <div className="space-y-6">
      <form className="flex flex-wrap items-end gap-4" onSubmit={(e) => e.preventDefault()} aria-label="Period">
        <label className="text-sm">
          <span className="mb-1 block font-medium">Period</span>
          <Select className="w-auto" value={preset} onChange={(e) => choosePreset(e.target.value)}>
            {presets.map((d) => (
              <option key={d} value={d}>
                Last {d} days
              </option>
            ))}
            <option value="custom">Custom dates</option>
          </Select>
        </label>
        {preset === "custom" ? (
          <>
            <label className="text-sm">
              <span className="mb-1 block font-medium">From</span>
              <Input
                type="date"
                value={range.from}
                min={history?.start}
                max={range.to}
                onChange={(e) => e.target.value && setRange((r) => ({ ...r, from: e.target.value }))}
              />
            </label>
            <label className="text-sm">
              <span className="mb-1 block font-medium">To</span>
              <Input
                type="date"
                value={range.to}
                min={range.from}
                onChange={(e) => e.target.value && setRange((r) => ({ ...r, to: e.target.value }))}
              />
            </label>
          </>
        ) : null}
        {report.isFetching && !report.isPending ? <Spinner label="Updating" /> : null}
      </form>
      <HistoryLock limit={history} />
      <Body slug={slug} report={report} />
    </div>
  );
}

function Body({
  slug,
  report,
}: {
  slug: string;
  report: UseQueryResult<RouterOutputs["insights"]["report"], unknown>;
}) {
  if (report.isPending) return <Spinner label="Loading Insights" />;
  if (report.error) return <Alert>{errorInfo(report.error).message}</Alert>;
  const r = report.data;
  if (!r) return null;
  const nothing = r.totals.activeUsers.current === 0 && r.totals.activeUsers.previous === 0;
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600" data-testid="insights-range">
        {r.range.from} to {r.range.to} ({r.range.days} days), compared with {r.range.previousFrom} to{" "}
        {r.range.previousTo}. Numbers update about a minute after use.
      </p>
      {nothing ? (
        <EmptyState title="No usage recorded in this period yet">
          Insights counts page views and searches of signed-in members (except browsers that ask not to be tracked).
          Browse the portal, then come back in a minute.
        </EmptyState>
      ) : null}
      <Kpis totals={r.totals} />
      <div className="grid gap-6 xl:grid-cols-2">
        <Card className="min-w-0" title="Daily active members" description="New (first day ever seen) and returning.">
          <ActiveUsersChart daily={r.daily} />
        </Card>
        <Card className="min-w-0" title="Page views and searches">
          <UsageChart daily={r.daily} />
        </Card>
      </div>
      <CohortTable cohorts={r.cohorts} />
      <ReportTables slug={slug} report={r} />
    </div>
  );
}
