"use client";

import type { ReactNode } from "react";
import { Card } from "@/components/ui";
import { toCsv } from "@stagedoor/core/csv";
import { downloadCsv } from "@/lib/csv";

export type Column<T> = {
  header: string;
  /** The CSV value (and the cell's, unless `render` is given). */
  value: (row: T) => string | number | null;
  render?: (row: T) => ReactNode;
  numeric?: boolean;
};

/**
 * One of the Insights tables: a card with the table, an empty line when there are no rows,
 * and "Download CSV" with every row the report returned (the CSV holds the values, not the
 * rendered links).
 */
export function DataTable<T>({
  title,
  description,
  rows,
  columns,
  fileName,
  empty,
  testId,
}: {
  title: string;
  description?: ReactNode;
  rows: readonly T[];
  columns: readonly Column<T>[];
  fileName: string;
  empty: string;
  testId: string;
}) {
  const download = () =>
    downloadCsv(
      `${fileName}.csv`,
      toCsv(
        columns.map((c) => c.header),
        rows.map((r) => columns.map((c) => c.value(r))),
      ),
    );
  return (
    <Card
      // min-w-0: a grid cell may shrink below its table's width (the table scrolls instead).
      className="min-w-0"
      title={title}
      description={description}
      actions={
        <button
          type="button"
          onClick={download}
          disabled={rows.length === 0}
          className="rounded-md px-2.5 py-1 text-sm font-medium text-indigo-700 ring-1 ring-inset ring-indigo-200 hover:bg-indigo-50 disabled:cursor-not-allowed disabled:text-slate-400 disabled:ring-slate-200"
        >
          Download CSV<span className="sr-only"> of {title}</span>
        </button>
      }
    >
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">{empty}</p>
      ) : (
        <div className="-mx-5 overflow-x-auto px-5">
          <table className="min-w-full text-left text-sm" data-testid={testId}>
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                {columns.map((c) => (
                  <th key={c.header} scope="col" className={`py-1 pr-3 ${c.numeric ? "text-right" : ""}`}>
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={i} className="border-t border-slate-100">
                  {columns.map((c) => (
                    <td
                      key={c.header}
                      className={`py-1 pr-3 ${c.numeric ? "text-right tabular-nums" : "max-w-xs break-words"}`}
                    >
                      {c.render ? c.render(row) : c.value(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
