import type { RouterOutputs } from "@stagedoor/api/client";
import { DataTable } from "./data-table";

type Cohort = RouterOutputs["insights"]["report"]["cohorts"][number];

const pct = (v: number | undefined) => (v === undefined ? null : Math.round(v * 100));

/**
 * Weekly retention: one row per week members were first seen, the share of them active in
 * each following week. The shade is a second cue; the number is always written.
 */
export function CohortTable({ cohorts }: { cohorts: Cohort[] }) {
  const weeks = Math.max(0, ...cohorts.map((c) => c.retained.length));
  const columns = [
    { header: "First week", value: (c: Cohort) => c.week },
    { header: "Members", value: (c: Cohort) => c.size, numeric: true },
    ...Array.from({ length: weeks }, (_, k) => ({
      header: `Week ${k}`,
      numeric: true,
      value: (c: Cohort) => pct(c.retained[k]),
      render: (c: Cohort) => {
        const v = pct(c.retained[k]);
        if (v === null) return <span className="text-slate-300">·</span>;
        return (
          <span
            className="inline-block min-w-12 rounded px-1.5"
            style={{ backgroundColor: `rgba(79, 70, 229, ${(v / 100) * 0.35})` }}
          >
            {v}%
          </span>
        );
      },
    })),
  ];
  return (
    <DataTable
      title="Retention by first week"
      description="Members first seen in the period, by week (Monday, UTC), and the share active each week after."
      rows={cohorts}
      columns={columns}
      fileName="insights-retention-cohorts"
      empty="Nobody was seen for the first time in this period."
      testId="insights-cohorts"
    />
  );
}
