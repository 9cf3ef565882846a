"use client";

import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "@stagedoor/api/client";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { Alert, Card, EmptyState, Select, Spinner } from "@/components/ui";
import Link from "next/link";
import { displayRef, entityHref } from "@/lib/entity-ref";
import { CostChart } from "./cost-chart";
import { HistoryLock, useHistoryLimit } from "@/components/billing/history-lock";

type Insights = RouterOutputs["costs"]["insights"];
type Grouping = "team" | "system" | "entity";
const GROUP_LABEL: Record<Grouping, string> = { team: "Team", system: "System", entity: "Component" };

const signed = (v: string) => (v.startsWith("-") ? v : `+${v}`);

/** Cost Insights: totals, the daily chart, growth alerts, top movers and cost per group. */
export function CostInsightsView({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const [days, setDays] = useState<30 | 90>(30);
  const [groupBy, setGroupBy] = useState<Grouping>("team");
  const [currency, setCurrency] = useState<string | null>(null);
  const insights = useQuery(trpc.costs.insights.queryOptions({ days, groupBy, currency }));
  // Periods longer than the plan's history are not offered; the hint names the plan that has them.
  const history = useHistoryLimit();

  if (insights.isPending) return <Spinner label="Loading costs" />;
  if (insights.error) return <Alert>{errorInfo(insights.error).message}</Alert>;
  const d = insights.data;
  if (!d.currency) {
    return (
      <EmptyState title="No cost data yet">
        <a href={`/${slug}/integrations`} className="text-indigo-700 hover:underline">
          Connect a FOCUS cost export
        </a>
      </EmptyState>
    );
  }
  const label = (key: string) =>
    key === "" ? (
      <span className="italic text-slate-500">Unallocated</span>
    ) : (
      <Link href={entityHref(slug, key)} className="text-indigo-700 hover:underline">
        {displayRef(key)}
      </Link>
    );

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap gap-4">
        <label className="text-sm">
          <span className="mr-2 font-medium">Period</span>
          <Select
            className="inline-block w-auto"
            value={days}
            onChange={(e) => setDays(Number(e.target.value) as 30 | 90)}
          >
            <option value={30}>Last 30 days</option>
            {!history || history.days >= 90 ? <option value={90}>Last 90 days</option> : null}
          </Select>
        </label>
        <label className="text-sm">
          <span className="mr-2 font-medium">Group by</span>
          <Select
            className="inline-block w-auto"
            value={groupBy}
            onChange={(e) => setGroupBy(e.target.value as Grouping)}
          >
            <option value="team">Team</option>
            <option value="system">System</option>
            <option value="entity">Component</option>
          </Select>
        </label>
        {d.currencies.length > 1 ? (
          <label className="text-sm">
            <span className="mr-2 font-medium">Currency</span>
            <Select className="inline-block w-auto" value={d.currency} onChange={(e) => setCurrency(e.target.value)}>
              {d.currencies.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </Select>
          </label>
        ) : null}
      </div>
      {history && history.days < 90 ? <HistoryLock limit={history} /> : null}
      <Totals d={d} />
      <Card title={`Daily cost, ${d.from} to ${d.to}`}>
        <CostChart daily={d.daily} currency={d.currency} />
      </Card>
      {d.alerts.length ? (
        <Alert tone="info">
          <p className="font-medium">
            Growth over +{d.growthAlertPercent}% against the previous {days} days:
          </p>
          <ul className="mt-1 list-disc pl-5">
            {d.alerts.map((a) => (
              <li key={a.key}>
                {label(a.key)}: {a.previous} → {a.current} {d.currency} ({signed(a.changePercent ?? "")}%)
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <div className="grid gap-6 xl:grid-cols-2">
        <Card title="Top movers">
          {d.topMovers.length === 0 ? (
            <p className="text-sm text-slate-500">No change against the previous period.</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {d.topMovers.map((m) => (
                <li key={m.key} className="flex justify-between gap-4">
                  <span>{label(m.key)}</span>
                  <span className={m.change.startsWith("-") ? "text-emerald-700" : "text-red-700"}>
                    {m.change.startsWith("-") ? "▼" : "▲"} {signed(m.change)} {d.currency}
                    {m.changePercent ? ` (${signed(m.changePercent)}%)` : " (new)"}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={`Cost by ${GROUP_LABEL[groupBy].toLowerCase()}`}>
          <table className="min-w-full text-left text-sm" data-testid="cost-groups">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th className="py-1">{GROUP_LABEL[groupBy]}</th>
                <th className="py-1 text-right">Last {days} days</th>
                <th className="py-1 text-right">Previous</th>
                <th className="py-1 text-right">Change</th>
              </tr>
            </thead>
            <tbody>
              {d.groups.map((g) => (
                <tr key={g.key} className="border-t border-slate-100">
                  <td className="py-1">{label(g.key)}</td>
                  <td className="py-1 text-right tabular-nums">{g.current}</td>
                  <td className="py-1 text-right tabular-nums">{g.previous}</td>
                  <td className="py-1 text-right tabular-nums">
                    {g.changePercent ? `${signed(g.changePercent)}%` : "new"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      </div>
    </div>
  );
}

function Totals({ d }: { d: Insights }) {
  const items = [
    { label: "Total", value: `${d.total} ${d.currency}`, testId: "cost-total" },
    { label: "Previous period", value: `${d.previousTotal} ${d.currency}`, testId: "cost-previous" },
    {
      label: "Unallocated",
      value: `${d.unallocated} ${d.currency}${d.unallocatedPercent ? ` (${d.unallocatedPercent}%)` : ""}`,
      testId: "cost-unallocated",
    },
  ];
  return (
    <dl className="grid gap-4 sm:grid-cols-3">
      {items.map((i) => (
        <div key={i.label} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
          <dt className="text-sm text-slate-500">{i.label}</dt>
          <dd className="mt-1 text-xl font-semibold tabular-nums" data-testid={i.testId}>
            {i.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
