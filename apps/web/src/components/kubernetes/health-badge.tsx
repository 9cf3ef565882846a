import type { KubernetesHealth } from "@stagedoor/core";

const STYLE: Record<KubernetesHealth, string> = {
  healthy: "bg-emerald-100 text-emerald-800",
  warning: "bg-amber-100 text-amber-900",
  error: "bg-red-100 text-red-800",
  unknown: "bg-slate-100 text-slate-700",
};
const LABEL: Record<KubernetesHealth, string> = {
  healthy: "Healthy",
  warning: "Warning",
  error: "Failing",
  unknown: "Unknown",
};

/** Kubernetes health as text and colour (never colour alone); "stale" when a cluster was unreachable. */
export function HealthBadge({
  health,
  stale = false,
  problems,
}: {
  health: KubernetesHealth;
  stale?: boolean;
  problems?: number;
}) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ${STYLE[health]}`}
      title={stale ? "From the last successful sync: a cluster was unreachable" : undefined}
    >
      K8s: {LABEL[health]}
      {problems ? ` (${problems})` : ""}
      {stale ? " · stale" : ""}
    </span>
  );
}
