"use client";

import { useEffect, useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { Card, Field, Input } from "@/components/ui";
import { PlanLock, usePlanCapabilities } from "@/components/billing/plan-lock";
import { SecretTokenPanel } from "./secret-token-panel";

/** SCIM provisioning: the endpoint an identity provider needs, and the org's SCIM tokens. */
export function ScimPanel() {
  const trpc = useTRPC();
  const tokens = useQuery(trpc.scim.listTokens.queryOptions());
  const create = useMutation(trpc.scim.createToken.mutationOptions());
  const revoke = useMutation(trpc.scim.revokeToken.mutationOptions());
  // The address the browser reached us on is the one the identity provider should use.
  const [endpoint, setEndpoint] = useState("/api/scim/v2");
  useEffect(() => setEndpoint(`${window.location.origin}/api/scim/v2`), []);
  const locked = usePlanCapabilities().data?.locked.scim ?? null;

  return (
    <Card
      title="SCIM provisioning"
      description="Let Okta, Microsoft Entra ID or another identity provider create, update and deactivate members and groups. Deactivated members lose access at once; users and groups also appear in the catalog."
    >
      <SecretTokenPanel
        tokens={tokens}
        listKey={trpc.scim.listTokens.queryKey()}
        create={create}
        revoke={revoke}
        variables={(name) => ({ name })}
        intro={
          <Field label="SCIM base URL (tenant URL)" htmlFor="scim-endpoint">
            <Input id="scim-endpoint" readOnly value={endpoint} onFocus={(e) => e.currentTarget.select()} />
          </Field>
        }
        formReplacement={
          locked ? (
            <div className="mt-4">
              <PlanLock feature="SCIM provisioning" unlockedBy={locked.unlockedBy} testId="scim-locked" />
              <p className="mt-2 text-sm text-slate-600">
                Tokens made earlier are kept; the SCIM endpoint answers them again once the organization is back on the{" "}
                {locked.unlockedBy} plan.
              </p>
            </div>
          ) : undefined
        }
        nameField={{ id: "scim-token-name", label: "SCIM token name", placeholder: "Okta" }}
        submitLabel="Create SCIM token"
        secret={{
          notice:
            "Paste this token into your identity provider as the bearer token (secret token). It is shown only once and stored only as a hash.",
          label: "New SCIM token",
          testId: "new-scim-token",
        }}
        list={{
          label: "SCIM tokens",
          loading: "Loading SCIM tokens",
          empty: "No SCIM tokens yet.",
          revokeLabel: (t) => `Revoke SCIM token ${t.name}`,
          revokeWarning: "Provisioning from that identity provider stops at once.",
        }}
      />
    </Card>
  );
}
