"use client";

import Link from "next/link";
import type { RouterOutputs } from "@stagedoor/api/client";
import { Card } from "@/components/ui";

type Costs = RouterOutputs["costs"]["forEntity"];

/** The entity's Cost tab: per currency (never added together), daily cost and cost by service. */
export function EntityCost({ costs }: { costs: Costs }) {
  return (
    <div className="space-y-6">
      {costs.currencies.map((c) => {
        const max = Math.max(...c.daily.map((d) => Number(d.cost)), 0);
        return (
          <Card
            key={c.currency}
            title={`${c.total} ${c.currency}, ${c.from} to ${c.to}`}
            description="Effective cost allocated to this entity by tags."
          >
            <div className="grid gap-6 xl:grid-cols-2">
              <table className="min-w-full text-left text-sm" aria-label={`Daily cost in ${c.currency}`}>
                <thead className="text-xs uppercase text-slate-500">
                  <tr>
                    <th className="py-1">Day</th>
                    <th className="py-1 text-right">Cost</th>
                    <th className="py-1 w-1/2" aria-hidden />
                  </tr>
                </thead>
                <tbody>
                  {c.daily.map((d) => (
                    <tr key={d.day} className="border-t border-slate-100">
                      <td className="py-0.5">{d.day}</td>
                      <td className="py-0.5 text-right tabular-nums">{d.cost}</td>
                      <td className="py-0.5 pl-3" aria-hidden>
                        <div
                          className="h-2 rounded bg-indigo-500"
                          style={{ width: `${max ? (Number(d.cost) / max) * 100 : 0}%` }}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <table
                className="min-w-full self-start text-left text-sm"
                aria-label={`Cost by service in ${c.currency}`}
              >
                <thead className="text-xs uppercase text-slate-500">
                  <tr>
                    <th className="py-1">Service</th>
                    <th className="py-1 text-right">Cost</th>
                  </tr>
                </thead>
                <tbody>
                  {c.services.map((s) => (
                    <tr key={s.serviceName} className="border-t border-slate-100">
                      <td className="py-0.5">{s.serviceName || "(none)"}</td>
                      <td className="py-0.5 text-right tabular-nums">{s.cost}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Card>
        );
      })}
    </div>
  );
}

/**
 * The Cost tab of a member without the Cost Insights plugin: what it would show and the
 * server's own sentence on how to get it (no license in the org, or no seat).
 */
export function CostLocked({ slug, message }: { slug: string; message: string }) {
  return (
    <Card title="Cost is part of Cost Insights, a premium plugin" className="max-w-2xl">
      <div data-testid="entity-cost-locked" className="space-y-2 text-sm text-slate-700">
        <p>This tab shows the entity&apos;s daily cloud cost and its cost per cloud service.</p>
        <p className="font-medium text-slate-900">{message}</p>
        <Link href={`/${slug}/plugins/cost-insights`} className="text-indigo-700 underline">
          What Cost Insights does
        </Link>
      </div>
    </Card>
  );
}
