"use client";

import { useEffect, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { MAX_TOKEN_NAME_LENGTH } from "@stagedoor/core/limits";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { Alert, Button, Card, Field, Input, Spinner } from "@/components/ui";
import { PlanLock, usePlanCapabilities } from "@/components/billing/plan-lock";

/** SCIM provisioning: the endpoint an identity provider needs, and the org's SCIM tokens. */
export function ScimPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tokens = useQuery(trpc.scim.listTokens.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.scim.listTokens.queryKey() });
  const [name, setName] = useState("");
  const [created, setCreated] = useState<string | null>(null);
  // The address the browser reached us on is the one the identity provider should use.
  const [endpoint, setEndpoint] = useState("/api/scim/v2");
  useEffect(() => setEndpoint(`${window.location.origin}/api/scim/v2`), []);
  const create = useMutation(
    trpc.scim.createToken.mutationOptions({
      onSuccess: ({ token }) => {
        setCreated(token);
        setName("");
        void refresh();
      },
    }),
  );
  const revoke = useMutation(trpc.scim.revokeToken.mutationOptions({ onSuccess: refresh }));
  const failure = create.error ? errorInfo(create.error) : null;
  const locked = usePlanCapabilities().data?.locked.scim ?? null;

  return (
    <Card
      title="SCIM provisioning"
      description="Let Okta, Microsoft Entra ID or another identity provider create, update and deactivate members and groups. Deactivated members lose access at once; users and groups also appear in the catalog."
    >
      <Field label="SCIM base URL (tenant URL)" htmlFor="scim-endpoint">
        <Input id="scim-endpoint" readOnly value={endpoint} onFocus={(e) => e.currentTarget.select()} />
      </Field>
      {locked ? (
        <div className="mt-4">
          <PlanLock feature="SCIM provisioning" unlockedBy={locked.unlockedBy} testId="scim-locked" />
          <p className="mt-2 text-sm text-slate-600">
            Tokens made earlier are kept; the SCIM endpoint answers them again once the organization is back on the{" "}
            {locked.unlockedBy} plan.
          </p>
        </div>
      ) : (
        <form
          className="mt-4 grid gap-4 sm:grid-cols-[1fr_auto] sm:items-end"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate({ name });
          }}
        >
          <Field label="SCIM token name" htmlFor="scim-token-name" error={failure?.fields.name}>
            <Input
              id="scim-token-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              required
              maxLength={MAX_TOKEN_NAME_LENGTH}
              placeholder="Okta"
            />
          </Field>
          <Button type="submit" disabled={create.isPending}>
            Create SCIM token
          </Button>
        </form>
      )}
      {failure && !failure.fields.name ? (
        <div className="mt-3">
          <Alert>{failure.message}</Alert>
        </div>
      ) : null}
      {created ? (
        <div className="mt-4 space-y-2">
          <Alert tone="success">
            Paste this token into your identity provider as the bearer token (secret token). It is shown only once and
            stored only as a hash.
          </Alert>
          <Input
            readOnly
            value={created}
            aria-label="New SCIM token"
            data-testid="new-scim-token"
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
      ) : null}
      <div className="mt-6">
        {tokens.isPending ? (
          <Spinner label="Loading SCIM tokens" />
        ) : tokens.error ? (
          <Alert>{errorInfo(tokens.error).message}</Alert>
        ) : tokens.data.length === 0 ? (
          <p className="text-sm text-slate-500">No SCIM tokens yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="SCIM tokens">
            {tokens.data.map((t) => (
              <li key={t.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
                <div>
                  <p className="font-medium">
                    {t.name} <span className="font-mono text-xs text-slate-500">{t.prefix}…</span>
                  </p>
                  <p className="text-xs text-slate-500">
                    created {t.createdAt.toLocaleDateString()} ·{" "}
                    {t.lastUsedAt ? `last used ${t.lastUsedAt.toLocaleString()}` : "never used"}
                    {t.revokedAt ? ` · revoked ${t.revokedAt.toLocaleDateString()}` : ""}
                  </p>
                </div>
                {t.revokedAt ? (
                  <span className="text-xs text-slate-500">Revoked</span>
                ) : (
                  <Button
                    variant="danger"
                    aria-label={`Revoke SCIM token ${t.name}`}
                    disabled={revoke.isPending}
                    onClick={() =>
                      window.confirm(`Revoke "${t.name}"? Provisioning from that identity provider stops at once.`) &&
                      revoke.mutate({ tokenId: t.id })
                    }
                  >
                    Revoke
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
