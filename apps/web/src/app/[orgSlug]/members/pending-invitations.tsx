"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { Alert, Button, Card, RoleBadge, Spinner } from "@/components/ui";

export function PendingInvitations() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invitations = useQuery(trpc.members.invitations.queryOptions());
  const revoke = useMutation(
    trpc.members.revokeInvitation.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.members.invitations.queryKey() }),
    }),
  );
  if (invitations.isPending) return <Spinner label="Loading invitations" />;
  if (invitations.error) return <Alert>{errorInfo(invitations.error).message}</Alert>;
  if (invitations.data.length === 0) return null;
  return (
    <Card title="Pending invitations">
      {revoke.error ? <Alert>{errorInfo(revoke.error).message}</Alert> : null}
      <ul className="divide-y divide-slate-100" aria-label="Pending invitations">
        {invitations.data.map((inv) => (
          <li key={inv.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
            <div>
              <p className="font-medium">{inv.email}</p>
              <p className="text-sm text-slate-500">Expires {inv.expiresAt.toLocaleDateString()}</p>
            </div>
            <div className="flex items-center gap-2">
              <RoleBadge role={inv.role} />
              <Button
                variant="ghost"
                aria-label={`Revoke invitation for ${inv.email}`}
                disabled={revoke.isPending}
                onClick={() => revoke.mutate({ invitationId: inv.id })}
              >
                Revoke
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}
