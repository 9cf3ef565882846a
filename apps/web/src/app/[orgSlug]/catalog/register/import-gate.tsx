"use client";

import type { IngestionReport } from "@stagedoor/core/catalog-types";
import { Button } from "@/components/ui";
import { OrphanWarning } from "./orphan-warning";

/** The dry run an import is gated on: what it would change and orphan. */
export type CheckedImport = Pick<IngestionReport, "counts" | "source" | "orphaned">;

/**
 * Why the import button is off, or null when the import may run: the same gate for a
 * pasted file and a registered URL. An import needs a check of exactly what is entered
 * now (`checked`, or `uncheckedReason`), something valid in it, and, when it would
 * orphan entities, the admin's confirmation.
 */
export function importBlocker(
  checked: CheckedImport | null,
  orphansConfirmed: boolean,
  uncheckedReason: string,
): string | null {
  if (!checked) return uncheckedReason;
  const c = checked.counts;
  if (c.created + c.updated + c.unchanged === 0)
    return "Nothing valid to import: fix the problems below and check again.";
  if (c.orphaned > 0 && !orphansConfirmed) return "Confirm the orphaned entities above to import.";
  return null;
}

/** Below the import buttons: the orphan confirmation when the check orphans entities, and the blocker. */
export function ImportGateNotes({
  checked,
  orphansConfirmed,
  onConfirmOrphans,
  blocker,
  blockerTestId,
}: {
  checked: CheckedImport | null;
  orphansConfirmed: boolean;
  onConfirmOrphans: (confirmed: boolean) => void;
  blocker: string | null;
  blockerTestId: string;
}) {
  return (
    <>
      {checked && checked.counts.orphaned > 0 ? (
        <OrphanWarning
          source={checked.source.key}
          count={checked.counts.orphaned}
          refs={checked.orphaned}
          confirmed={orphansConfirmed}
          onConfirm={onConfirmOrphans}
        />
      ) : null}
      {blocker ? (
        <p className="text-right text-xs text-slate-600" data-testid={blockerTestId}>
          {blocker}
        </p>
      ) : null}
    </>
  );
}

/**
 * The two steps of every registration: the form's submit checks (a dry run), the second
 * button imports what was checked. Each names what it is doing while it runs.
 */
export function CheckThenImportButtons({
  labels,
  checking,
  importing,
  canCheck,
  canImport,
  onImport,
}: {
  labels: { check: string; checking: string; import: string; importing: string };
  checking: boolean;
  importing: boolean;
  canCheck: boolean;
  canImport: boolean;
  onImport: () => void;
}) {
  return (
    <>
      <Button type="submit" variant="secondary" disabled={!canCheck}>
        {checking ? labels.checking : labels.check}
      </Button>
      <Button type="button" disabled={!canImport} onClick={onImport}>
        {importing ? labels.importing : labels.import}
      </Button>
    </>
  );
}
