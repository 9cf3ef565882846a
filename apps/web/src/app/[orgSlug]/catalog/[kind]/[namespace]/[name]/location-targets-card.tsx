import type { EntityDetail } from "@stagedoor/core/catalog-types";
import { Card } from "@/components/ui";

/** A Location's targets as written (relative ones are read relative to the Location's file). */
export function LocationTargetsCard({ entity: e }: { entity: EntityDetail }) {
  const spec = (e.entity.spec ?? {}) as { target?: unknown; targets?: unknown; type?: unknown };
  const targets = [
    ...(typeof spec.target === "string" ? [spec.target] : []),
    ...(Array.isArray(spec.targets) ? spec.targets.filter((t): t is string => typeof t === "string") : []),
  ];
  const base = e.origin.viewUrl;
  const href = (target: string) => {
    try {
      const url = new URL(target, base ?? undefined);
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
    } catch {
      return null;
    }
  };
  return (
    <Card title="Targets" description={typeof spec.type === "string" ? `Type: ${spec.type}` : undefined}>
      {targets.length === 0 ? (
        <p className="text-sm text-slate-500">No targets.</p>
      ) : (
        <ul className="space-y-1 text-sm" aria-label="Targets">
          {targets.map((t) => {
            const link = href(t);
            return (
              <li key={t} className="break-all font-mono text-xs">
                {link ? (
                  <a href={link} target="_blank" rel="noreferrer noopener" className="text-indigo-700 hover:underline">
                    {t}
                  </a>
                ) : (
                  t
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
