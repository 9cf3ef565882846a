"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { Alert, Button, Card } from "@/components/ui";
import { PlanLock, usePlanCapabilities } from "@/components/billing/plan-lock";

export function SsoSwitches() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.sso.settings.queryOptions());
  const refresh = { onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.sso.settings.queryKey() }) };
  const enable = useMutation(trpc.sso.setEnabled.mutationOptions(refresh));
  const require = useMutation(trpc.sso.setRequired.mutationOptions(refresh));
  const plan = usePlanCapabilities();
  const connection = settings.data?.connection;
  if (!connection) return null;
  // Switching it off stays possible on any plan; switching it on is Enterprise.
  const requireLocked = settings.data?.requireSso ? null : (plan.data?.locked.requireSso ?? null);
  const enabled = connection.status === "enabled";
  const error = enable.error ?? require.error;
  return (
    <Card
      title="Sign-in policy"
      description="Owners can always sign in another way (break-glass); each such sign-in is in the audit log."
    >
      <div className="flex flex-wrap gap-3">
        <Button variant="secondary" disabled={enable.isPending} onClick={() => enable.mutate({ enabled: !enabled })}>
          {enabled ? "Switch SSO off" : "Switch SSO on"}
        </Button>
        <Button
          variant="secondary"
          disabled={require.isPending || !enabled || requireLocked !== null}
          onClick={() => require.mutate({ requireSso: !settings.data?.requireSso })}
        >
          {settings.data?.requireSso ? "Stop requiring SSO" : "Require SSO for members"}
        </Button>
      </div>
      {requireLocked ? (
        <PlanLock
          feature="Requiring SSO for members"
          unlockedBy={requireLocked.unlockedBy}
          testId="require-sso-locked"
        />
      ) : null}
      {error ? <Alert>{errorInfo(error).message}</Alert> : null}
    </Card>
  );
}
