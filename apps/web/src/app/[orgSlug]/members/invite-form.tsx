"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { RouterInputs } from "@stagedoor/api/client";
import { INVITATION_TTL_DAYS } from "@stagedoor/core/limits";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { Alert, Button, Card, Field, Input, Select } from "@/components/ui";

type Role = NonNullable<RouterInputs["members"]["invite"]["role"]>;

export function InviteForm({ canInviteOwners }: { canInviteOwners: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("MEMBER");
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const invite = useMutation(
    trpc.members.invite.mutationOptions({
      onSuccess: ({ token }) => {
        setLink(`${window.location.origin}/invite/${token}`);
        setCopied(false);
        setEmail("");
        void queryClient.invalidateQueries({ queryKey: trpc.members.invitations.queryKey() });
      },
    }),
  );
  const failure = invite.error ? errorInfo(invite.error) : null;

  return (
    <Card
      title="Invite a teammate"
      description={`They get a link that is valid for ${INVITATION_TTL_DAYS} days and works once.`}
    >
      <form
        className="grid gap-4 sm:grid-cols-[1fr_10rem_auto] sm:items-end"
        onSubmit={(e) => {
          e.preventDefault();
          invite.mutate({ email, role });
        }}
      >
        <Field label="Email" htmlFor="invite-email" error={failure?.fields.email}>
          <Input
            id="invite-email"
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            placeholder="teammate@example.com"
            invalid={Boolean(failure?.fields.email)}
          />
        </Field>
        <Field label="Role" htmlFor="invite-role" error={failure?.fields.role}>
          <Select id="invite-role" value={role} onChange={(e) => setRole(e.target.value as typeof role)}>
            <option value="MEMBER">Member</option>
            <option value="ADMIN">Admin</option>
            {canInviteOwners ? <option value="OWNER">Owner</option> : null}
          </Select>
        </Field>
        <Button type="submit" disabled={invite.isPending}>
          {invite.isPending ? "Inviting…" : "Invite"}
        </Button>
      </form>
      {failure && !failure.fields.email && !failure.fields.role ? (
        <div className="mt-4">
          <Alert>{failure.message}</Alert>
        </div>
      ) : null}
      {link ? (
        <div className="mt-4 space-y-2">
          <Alert tone="success">Invitation created. Send this link to your teammate (it is shown only once):</Alert>
          <div className="flex gap-2">
            <Input
              readOnly
              value={link}
              aria-label="Invitation link"
              data-testid="invitation-link"
              onFocus={(e) => e.currentTarget.select()}
            />
            <Button
              type="button"
              variant="secondary"
              onClick={async () => {
                await navigator.clipboard?.writeText(link).catch(() => undefined);
                setCopied(true);
              }}
            >
              {copied ? "Copied" : "Copy"}
            </Button>
          </div>
        </div>
      ) : null}
    </Card>
  );
}
