"use client";

import type { ReactNode } from "react";
import { Alert, Button } from "@/components/ui";

type SavedConnection = { status: string; testedAt: Date | string | null; lastError: string | null };

/**
 * The saved connection's state above either protocol's form: its status (with what the
 * protocol adds, `detail`), when a test sign-in last ran, and the last error it recorded.
 */
export function ConnectionStatus({
  connection,
  testId,
  detail,
}: {
  connection: SavedConnection | null;
  testId: string;
  detail?: ReactNode;
}) {
  if (!connection) return null;
  return (
    <>
      <p className="mb-4 text-sm" data-testid={testId}>
        Status: <strong>{connection.status}</strong>
        {detail}
        {connection.testedAt ? ` · last test sign-in ${new Date(connection.testedAt).toLocaleString()}` : ""}
      </p>
      {connection.lastError ? <Alert>{connection.lastError}</Alert> : null}
    </>
  );
}

/**
 * The end of either protocol's form: the save's error (unless a field shows it already),
 * the reminder that a saved connection is tested before it is switched on, and the button.
 */
export function SaveConnectionFooter({
  save,
  failure,
  shownAtField,
  label,
  pendingLabel,
}: {
  save: { isPending: boolean; isSuccess: boolean };
  failure: { message: string } | null;
  shownAtField: boolean;
  label: string;
  pendingLabel: string;
}) {
  return (
    <>
      {failure && !shownAtField ? <Alert>{failure.message}</Alert> : null}
      {save.isSuccess ? <Alert tone="success">Saved. Run a test sign-in before switching it on.</Alert> : null}
      <Button type="submit" disabled={save.isPending}>
        {save.isPending ? pendingLabel : label}
      </Button>
    </>
  );
}
