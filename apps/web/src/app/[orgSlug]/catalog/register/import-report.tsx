import Link from "next/link";
import type { IngestionReport } from "@stagedoor/core/catalog-types";
import { displayRef, entityHref } from "@/lib/entity-ref";
import { Alert, Card } from "@/components/ui";
import { plural } from "@/lib/plural";
import { describeProblem } from "@stagedoor/catalog/describe-problem";

const STATUS_STYLE: Record<string, string> = {
  created: "bg-emerald-50 text-emerald-800",
  updated: "bg-sky-50 text-sky-800",
  unchanged: "bg-slate-100 text-slate-700",
  invalid: "bg-red-50 text-red-800",
  rejected: "bg-red-50 text-red-800",
  conflict: "bg-amber-50 text-amber-800",
  duplicate: "bg-amber-50 text-amber-800",
};

export function ImportReport({ slug, report }: { slug: string; report: IngestionReport }) {
  const c = report.counts;
  const problems = report.files.reduce(
    (n, f) => n + f.errors.length + f.documents.reduce((m, d) => m + d.errors.length, 0),
    0,
  );
  return (
    <Card
      title={report.dryRun ? "Check result" : "Imported"}
      description={`${report.dryRun ? "Would create" : "Created"} ${c.created}, ${report.dryRun ? "update" : "updated"} ${c.updated}, unchanged ${c.unchanged}, orphaned ${c.orphaned}; ${c.invalid} invalid, ${plural(c.conflicts, "conflict")}`}
    >
      <div className="space-y-4" data-testid="import-report">
        <p className="text-sm text-slate-600">
          Source:{" "}
          <span className="font-mono" data-testid="import-source">
            {report.source.key}
          </span>
        </p>
        {report.ok ? (
          <Alert tone="success">{report.dryRun ? "No problems found. Import when ready." : "Import complete."}</Alert>
        ) : (
          <Alert>
            {problems} problem{problems === 1 ? "" : "s"} found. Invalid documents are not imported; entities that
            already exist keep their last good version.
          </Alert>
        )}
        {!report.dryRun && c.orphaned > 0 ? (
          <Alert tone="info">
            Orphaned {c.orphaned} {c.orphaned === 1 ? "entity" : "entities"}: {report.orphaned.slice(0, 10).join(", ")}
            {c.orphaned > 10 ? `, and ${c.orphaned - 10} more` : ""}. They are deleted after a grace period unless a
            source provides them again.
          </Alert>
        ) : null}
        {report.files.map((f) => (
          <div key={f.file}>
            <p className="font-mono text-sm font-medium">{f.file}</p>
            {f.errors.length ? (
              <ul className="mt-1 space-y-1" aria-label={`Problems in ${f.file}`}>
                {f.errors.map((e, i) => (
                  <li key={i} className="font-mono text-xs text-red-700">
                    line {e.line}:{e.column} {describeProblem(e)}
                  </li>
                ))}
              </ul>
            ) : null}
            <ul className="mt-2 divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
              {f.documents.map((d) => (
                <li key={d.document} className="px-3 py-2 text-sm">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="text-slate-500">doc {d.document}</span>
                    <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_STYLE[d.status] ?? ""}`}>
                      {d.status}
                    </span>
                    {d.ref && !report.dryRun && ["created", "updated", "unchanged"].includes(d.status) ? (
                      <Link href={entityHref(slug, d.ref)} className="text-indigo-700 hover:underline">
                        {displayRef(d.ref, { withKind: true })}
                      </Link>
                    ) : d.ref ? (
                      <span>{displayRef(d.ref, { withKind: true })}</span>
                    ) : null}
                    {d.message ? <span className="text-slate-600">{d.message}</span> : null}
                  </div>
                  {d.errors.length ? (
                    <ul className="mt-1 space-y-0.5" aria-label={`Errors in document ${d.document}`}>
                      {d.errors.map((e, i) => (
                        <li key={i} className="font-mono text-xs text-red-700" data-line={e.line}>
                          line {e.line}:{e.column} {describeProblem(e)}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </Card>
  );
}
