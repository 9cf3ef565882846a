"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

export type DayPoint = { day: string; new: number; returning: number; views: number; searches: number };

/**
 * Daily active members, new (first day ever seen) and returning stacked, so the bar's height
 * is the DAU. Colour is not the only cue: the returning bars are hatched, the legend and
 * tooltip name the series, and the same numbers are in the daily table's CSV.
 */
export function ActiveUsersChart({ daily }: { daily: DayPoint[] }) {
  const data = daily.map((d) => ({ ...d, label: d.day.slice(5) }));
  return (
    <figure aria-label="Daily active members, new and returning" className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <defs>
            <pattern
              id="returning-hatch"
              patternUnits="userSpaceOnUse"
              width="6"
              height="6"
              patternTransform="rotate(45)"
            >
              <rect width="6" height="6" fill="#c7d2fe" />
              <line x1="0" y1="0" x2="0" y2="6" stroke="#3730a3" strokeWidth="2" />
            </pattern>
          </defs>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} width={40} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Legend />
          <Bar dataKey="new" name="New" stackId="dau" fill="#4f46e5" isAnimationActive={false} />
          <Bar
            dataKey="returning"
            name="Returning"
            stackId="dau"
            fill="url(#returning-hatch)"
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** Page views and searches per day; searches dashed. */
export function UsageChart({ daily }: { daily: DayPoint[] }) {
  const data = daily.map((d) => ({ ...d, label: d.day.slice(5) }));
  return (
    <figure aria-label="Page views and searches per day" className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} width={48} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Legend />
          <Line dataKey="views" name="Page views" stroke="#4f46e5" dot={false} isAnimationActive={false} />
          <Line
            dataKey="searches"
            name="Searches"
            stroke="#b45309"
            strokeDasharray="5 4"
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
