"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { Button, Field, Input, Select } from "@/components/ui";
import { PlanLock } from "@/components/billing/plan-lock";
import { HistoryLock, useHistoryLimit } from "@/components/billing/history-lock";
import { actionLabel, type AuditUrlFilter } from "./audit-url";

/**
 * The filter form is a plain GET form: submitting it puts the filters in the URL, so a
 * filtered view can be shared, reloaded and exported as it is.
 */
export function AuditFilters({
  filter,
  exportHref,
  exportLocked,
}: {
  filter: AuditUrlFilter;
  exportHref: string;
  /** The plan that unlocks CSV export when this org's plan lacks it (the link is then not shown). */
  exportLocked?: { unlockedBy: string } | null;
}) {
  const trpc = useTRPC();
  const options = useQuery(trpc.audit.filters.queryOptions());
  const actors = options.data?.actors ?? (filter.actor ? [filter.actor] : []);
  const actions = options.data?.actions ?? (filter.action ? [filter.action] : []);
  const active = Boolean(filter.actor || filter.action || filter.from || filter.to);
  // The log shows the plan's history (older entries are kept, not offered).
  const history = useHistoryLimit();
  return (
    <form
      method="get"
      className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5 lg:items-end"
      aria-label="Filter the audit log"
    >
      <Field label="Who" htmlFor="audit-actor">
        <Select id="audit-actor" name="actor" defaultValue={filter.actor ?? ""}>
          <option value="">Anyone</option>
          {actors.map((a) => (
            <option key={a} value={a}>
              {a === "system" ? "The system" : a}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="What" htmlFor="audit-action">
        <Select id="audit-action" name="action" defaultValue={filter.action ?? ""}>
          <option value="">Any event</option>
          {actions.map((a) => (
            <option key={a} value={a}>
              {actionLabel(a)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="From (UTC)" htmlFor="audit-from">
        <Input id="audit-from" name="from" type="date" min={history?.start} defaultValue={filter.from ?? ""} />
      </Field>
      <Field label="To (UTC)" htmlFor="audit-to">
        <Input id="audit-to" name="to" type="date" min={history?.start} defaultValue={filter.to ?? ""} />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit">Filter</Button>
        {active ? (
          <a
            href="?"
            className="inline-flex items-center rounded-md px-3 py-2 text-sm font-semibold text-slate-700 hover:bg-slate-100"
          >
            Clear
          </a>
        ) : null}
        {exportLocked ? null : (
          <a
            href={exportHref}
            download
            className="inline-flex items-center rounded-md px-3 py-2 text-sm font-semibold text-indigo-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
          >
            Export CSV
          </a>
        )}
      </div>
      {exportLocked ? (
        <PlanLock
          feature="Exporting the audit log as CSV"
          unlockedBy={exportLocked.unlockedBy}
          testId="audit-export-locked"
        />
      ) : null}
      {history?.next ? (
        <div className="sm:col-span-2 lg:col-span-5">
          <p className="mb-2 text-sm text-slate-600">
            Showing the last {history.days} days (from {history.start}); older entries are kept.
          </p>
          <HistoryLock limit={history} />
        </div>
      ) : null}
    </form>
  );
}
