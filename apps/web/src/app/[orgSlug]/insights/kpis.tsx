import type { RouterOutputs } from "@stagedoor/api/client";

type Totals = RouterOutputs["insights"]["report"]["totals"];

/** "+12% vs previous" (or "new", or nothing when both are zero). */
function change(current: number, previous: number): string {
  if (previous === 0) return current === 0 ? "no change" : "new this period";
  const pct = Math.round(((current - previous) / previous) * 100);
  return `${pct > 0 ? "+" : ""}${pct}% vs previous (${previous.toLocaleString()})`;
}

/** The headline numbers, each with the previous period of the same length. */
export function Kpis({ totals }: { totals: Totals }) {
  const items = [
    {
      label: "Active members",
      value: totals.activeUsers.current,
      note: change(totals.activeUsers.current, totals.activeUsers.previous),
      id: "active",
    },
    {
      label: "Average DAU",
      value: totals.averageDau.current,
      note: change(totals.averageDau.current, totals.averageDau.previous),
      id: "dau",
    },
    {
      label: "WAU / MAU",
      value: `${totals.wau} / ${totals.mau}`,
      note: "last 7 / 30 days of the period",
      id: "wau-mau",
    },
    {
      label: "DAU / MAU",
      value: `${Math.round(totals.dauMau * 100)}%`,
      note: "how often the monthly audience comes back",
      id: "stickiness",
    },
    {
      label: "Page views",
      value: totals.pageViews.current,
      note: change(totals.pageViews.current, totals.pageViews.previous),
      id: "views",
    },
    {
      label: "Searches",
      value: totals.searches.current,
      note: change(totals.searches.current, totals.searches.previous),
      id: "searches",
    },
    {
      label: "Search click-through",
      value: `${totals.clickThrough.current}%`,
      note: `previous ${totals.clickThrough.previous}%`,
      id: "ctr",
    },
  ];
  return (
    <dl className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      {items.map((i) => (
        <div key={i.id} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
          <dt className="text-sm text-slate-500">{i.label}</dt>
          <dd className="mt-1 text-xl font-semibold tabular-nums" data-testid={`insights-kpi-${i.id}`}>
            {typeof i.value === "number" ? i.value.toLocaleString() : i.value}
          </dd>
          <dd className="text-xs text-slate-500">{i.note}</dd>
        </div>
      ))}
    </dl>
  );
}
