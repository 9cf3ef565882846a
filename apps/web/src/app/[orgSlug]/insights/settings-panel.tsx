"use client";

import { useEffect, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { Alert, Button, Card, Input, Spinner } from "@/components/ui";

/** Retention and pseudonymization, for admins. */
export function InsightsSettingsPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.insights.settings.queryOptions());
  const [months, setMonths] = useState(13);
  const [pseudonymize, setPseudonymize] = useState(false);
  useEffect(() => {
    if (settings.data) {
      setMonths(settings.data.retentionMonths);
      setPseudonymize(settings.data.pseudonymize);
    }
  }, [settings.data]);
  const save = useMutation(
    trpc.insights.updateSettings.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.insights.pathKey() }),
    }),
  );
  if (settings.isPending) return <Spinner label="Loading settings" />;
  if (settings.error) return <Alert>{errorInfo(settings.error).message}</Alert>;
  return (
    <Card title="Privacy" description="Who can be recognized in the reports, and how long raw events are kept.">
      <form
        className="flex flex-wrap items-end gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ retentionMonths: months, pseudonymize });
        }}
      >
        <label className="text-sm">
          <span className="mb-1 block font-medium">Keep events (months)</span>
          <Input
            type="number"
            min={1}
            max={25}
            value={months}
            onChange={(e) => setMonths(Number(e.target.value))}
            className="w-24"
          />
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={pseudonymize} onChange={(e) => setPseudonymize(e.target.checked)} />
          Pseudonymize members in reports
        </label>
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save"}
        </Button>
      </form>
      {save.error ? (
        <div className="mt-3">
          <Alert>{errorInfo(save.error).message}</Alert>
        </div>
      ) : null}
      {save.isSuccess ? (
        <div className="mt-3">
          <Alert tone="success">Saved.</Alert>
        </div>
      ) : null}
    </Card>
  );
}
