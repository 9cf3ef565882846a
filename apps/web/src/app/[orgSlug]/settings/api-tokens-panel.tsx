"use client";

import { useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { Card } from "@/components/ui";
import { SecretTokenPanel } from "./secret-token-panel";

const SCOPES = [
  { id: "catalog:read", label: "Read the catalog" },
  { id: "catalog:write", label: "Import entities" },
] as const;

export function ApiTokensPanel() {
  const trpc = useTRPC();
  const tokens = useQuery(trpc.tokens.list.queryOptions());
  const create = useMutation(trpc.tokens.create.mutationOptions());
  const revoke = useMutation(trpc.tokens.revoke.mutationOptions());
  const [scopes, setScopes] = useState<Array<(typeof SCOPES)[number]["id"]>>(["catalog:read"]);

  return (
    <Card
      title="API tokens"
      description={
        <>
          For the Backstage-compatible REST API and <code>stagedoor catalog push</code> in CI.
        </>
      }
    >
      <SecretTokenPanel
        tokens={tokens}
        listKey={trpc.tokens.list.queryKey()}
        create={create}
        revoke={revoke}
        variables={(name) => ({ name, scopes })}
        nameField={{ id: "token-name", label: "Token name", placeholder: "ci-catalog-push" }}
        extraFields={
          <fieldset className="flex gap-4 pb-2">
            <legend className="sr-only">Scopes</legend>
            {SCOPES.map((s) => (
              <label key={s.id} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={scopes.includes(s.id)}
                  onChange={(e) => setScopes(e.target.checked ? [...scopes, s.id] : scopes.filter((x) => x !== s.id))}
                  className="h-4 w-4 rounded border-slate-300"
                />
                {s.label}
              </label>
            ))}
          </fieldset>
        }
        canSubmit={scopes.length > 0}
        submitLabel="Create token"
        secret={{
          notice: "Copy this token now. It is shown only once and stored only as a hash.",
          label: "New API token",
          testId: "new-api-token",
        }}
        list={{
          label: "API tokens",
          loading: "Loading tokens",
          empty: "No tokens yet.",
          describe: (t) => t.scopes.join(", "),
          revokeLabel: (t) => `Revoke ${t.name}`,
          revokeWarning: "Anything using it stops working.",
        }}
      />
    </Card>
  );
}
