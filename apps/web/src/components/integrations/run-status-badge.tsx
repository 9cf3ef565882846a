const STYLES: Record<string, string> = {
  success: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  failure: "bg-red-50 text-red-800 ring-red-200",
  cancelled: "bg-slate-100 text-slate-700 ring-slate-200",
  running: "bg-sky-50 text-sky-800 ring-sky-200",
};

/** A CI run's outcome: the conclusion once finished, otherwise the status. */
export function RunStatusBadge({ status, conclusion }: { status: string; conclusion: string | null }) {
  const label = status === "completed" ? (conclusion ?? "completed") : status.replace("_", " ");
  const style = STYLES[status === "completed" ? (conclusion ?? "") : "running"] ?? STYLES.cancelled;
  return (
    <span
      className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${style}`}
      data-testid="run-status"
    >
      {label}
    </span>
  );
}
