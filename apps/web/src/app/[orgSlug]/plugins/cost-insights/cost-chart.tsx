"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type DailyCost = { day: string; allocated: string; unallocated: string };

/**
 * Daily cost, allocated and unallocated stacked. Colour is not the only cue: the series
 * are named in the legend and the tooltip, the unallocated bars are hatched, and the same
 * numbers (exact, as the server summed them) are in the table under "Daily numbers".
 */
export function CostChart({ daily, currency }: { daily: DailyCost[]; currency: string }) {
  const data = daily.map((d) => ({
    day: d.day.slice(5),
    allocated: Number(d.allocated),
    unallocated: Number(d.unallocated),
  }));
  const money = (v: number) => `${v.toLocaleString(undefined, { maximumFractionDigits: 0 })} ${currency}`;
  return (
    <>
      <figure aria-label={`Daily cost in ${currency}`} className="h-72 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 16 }}>
            <defs>
              <pattern id="hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
                <rect width="6" height="6" fill="#fde68a" />
                <line x1="0" y1="0" x2="0" y2="6" stroke="#92400e" strokeWidth="2" />
              </pattern>
            </defs>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="day" tick={{ fontSize: 12 }} />
            <YAxis tickFormatter={money} width={90} tick={{ fontSize: 12 }} />
            <Tooltip formatter={(v) => money(Number(v))} />
            <Legend />
            <Bar dataKey="allocated" name="Allocated" stackId="cost" fill="#4f46e5" isAnimationActive={false} />
            <Bar
              dataKey="unallocated"
              name="Unallocated (no allocation tag)"
              stackId="cost"
              fill="url(#hatch)"
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-indigo-700">Daily numbers</summary>
        <table className="mt-2 min-w-full text-left" aria-label={`Daily cost in ${currency}, as a table`}>
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th className="py-1">Day</th>
              <th className="py-1 text-right">Allocated</th>
              <th className="py-1 text-right">Unallocated</th>
            </tr>
          </thead>
          <tbody>
            {daily.map((d) => (
              <tr key={d.day} className="border-t border-slate-100">
                <td className="py-0.5">{d.day}</td>
                <td className="py-0.5 text-right tabular-nums">{d.allocated}</td>
                <td className="py-0.5 text-right tabular-nums">{d.unallocated}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}
