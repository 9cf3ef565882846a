"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { RouterOutputs } from "@stagedoor/api/client";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { Alert, Card, EmptyState, RoleBadge, Select, Spinner, Button } from "@/components/ui";
import { InviteForm } from "./invite-form";
import { PendingInvitations } from "./pending-invitations";

type Role = RouterOutputs["members"]["list"][number]["role"];

export function MembersPanel({ currentUserId, role }: { currentUserId: string; role: Role }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const isAdmin = role !== "MEMBER";
  const members = useQuery(trpc.members.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.members.list.queryKey() });
  const changeRole = useMutation(trpc.members.changeRole.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(
    trpc.members.remove.mutationOptions({
      onSuccess: (_data, vars) => {
        const self = members.data?.find((m) => m.id === vars.membershipId)?.user.id === currentUserId;
        if (self) window.location.assign("/");
        else void refresh();
      },
    }),
  );
  const failure = changeRole.error ?? remove.error;

  return (
    <div className="space-y-6">
      {isAdmin ? <InviteForm canInviteOwners={role === "OWNER"} /> : null}
      {isAdmin ? <PendingInvitations /> : null}
      <Card
        title="People"
        description={
          isAdmin
            ? "Everyone with access to this organization. API tokens never do more than their creator's current role allows: changing someone's role or removing them limits their tokens at once."
            : "Everyone with access to this organization."
        }
      >
        {failure ? (
          <div className="mb-4">
            <Alert>{errorInfo(failure).message}</Alert>
          </div>
        ) : null}
        {members.isPending ? (
          <Spinner label="Loading members" />
        ) : members.error ? (
          <Alert>{errorInfo(members.error).message}</Alert>
        ) : members.data.length === 0 ? (
          <EmptyState title="No members" />
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="Members">
            {members.data.map((m) => {
              const isSelf = m.user.id === currentUserId;
              const canEdit = isAdmin && (role === "OWNER" || m.role !== "OWNER");
              return (
                <li
                  key={m.id}
                  className="flex flex-wrap items-center justify-between gap-3 py-3"
                  data-testid={`member-${m.user.email}`}
                >
                  <div className="min-w-0">
                    <p className="truncate font-medium">
                      {m.user.name ?? m.user.email}{" "}
                      {isSelf ? <span className="text-sm font-normal text-slate-500">(you)</span> : null}
                    </p>
                    <p className="truncate text-sm text-slate-500">{m.user.email}</p>
                  </div>
                  <div className="flex items-center gap-2">
                    {canEdit ? (
                      <Select
                        aria-label={`Role of ${m.user.email}`}
                        value={m.role}
                        disabled={changeRole.isPending}
                        onChange={(e) => changeRole.mutate({ membershipId: m.id, role: e.target.value as Role })}
                        className="w-32"
                      >
                        {role === "OWNER" ? <option value="OWNER">Owner</option> : null}
                        <option value="ADMIN">Admin</option>
                        <option value="MEMBER">Member</option>
                      </Select>
                    ) : (
                      <RoleBadge role={m.role} />
                    )}
                    {canEdit || isSelf ? (
                      <Button
                        variant="danger"
                        aria-label={isSelf ? "Leave organization" : `Remove ${m.user.email}`}
                        disabled={remove.isPending}
                        onClick={() => {
                          const question = isSelf
                            ? "Leave this organization?"
                            : `Remove ${m.user.email} from the organization?`;
                          if (window.confirm(question)) remove.mutate({ membershipId: m.id });
                        }}
                      >
                        {isSelf ? "Leave" : "Remove"}
                      </Button>
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </Card>
    </div>
  );
}
