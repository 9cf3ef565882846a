"use client";

import { useMutation } from "@tanstack/react-query";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { Alert, Button, Input } from "@/components/ui";

/** What to paste into GitHub's webhook settings for near-real-time refresh. */
export function WebhookSetup({ integrationId, path }: { integrationId: string; path: string }) {
  const trpc = useTRPC();
  const reveal = useMutation(trpc.integrations.revealWebhookSecret.mutationOptions());
  const url = typeof window === "undefined" ? path : `${window.location.origin}${path}`;
  return (
    <div className="space-y-2 rounded-md px-3 py-3 ring-1 ring-slate-200">
      <p className="text-sm font-medium">Webhook</p>
      <p className="text-xs text-slate-500">
        In the GitHub App (or organization) settings, send push, repository, team, membership and workflow_run events as
        JSON to this URL, signed with the secret.
      </p>
      <Input readOnly value={url} aria-label="Webhook URL" onFocus={(e) => e.currentTarget.select()} />
      {reveal.data ? (
        <Input
          readOnly
          value={reveal.data.secret}
          aria-label="Webhook secret"
          onFocus={(e) => e.currentTarget.select()}
        />
      ) : (
        <Button variant="secondary" onClick={() => reveal.mutate({ id: integrationId })} disabled={reveal.isPending}>
          Show webhook secret
        </Button>
      )}
      {reveal.error ? <Alert>{errorInfo(reveal.error).message}</Alert> : null}
    </div>
  );
}
