"use client";

import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { MAX_TOKEN_NAME_LENGTH } from "@stagedoor/core/limits";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { Alert, Button, Card, Field, Input, Spinner } from "@/components/ui";

const SCOPES = [
  { id: "catalog:read", label: "Read the catalog" },
  { id: "catalog:write", label: "Import entities" },
] as const;

export function ApiTokensPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tokens = useQuery(trpc.tokens.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.tokens.list.queryKey() });
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<Array<(typeof SCOPES)[number]["id"]>>(["catalog:read"]);
  const [created, setCreated] = useState<string | null>(null);
  const create = useMutation(
    trpc.tokens.create.mutationOptions({
      onSuccess: ({ token }) => {
        setCreated(token);
        setName("");
        void refresh();
      },
    }),
  );
  const revoke = useMutation(trpc.tokens.revoke.mutationOptions({ onSuccess: refresh }));
  const failure = create.error ? errorInfo(create.error) : null;

  return (
    <Card
      title="API tokens"
      description={
        <>
          For the Backstage-compatible REST API and <code>stagedoor catalog push</code> in CI.
        </>
      }
    >
      <form
        className="grid gap-4 sm:grid-cols-[1fr_auto_auto] sm:items-end"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ name, scopes });
        }}
      >
        <Field label="Token name" htmlFor="token-name" error={failure?.fields.name}>
          <Input
            id="token-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            maxLength={MAX_TOKEN_NAME_LENGTH}
            placeholder="ci-catalog-push"
          />
        </Field>
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
        <Button type="submit" disabled={create.isPending || scopes.length === 0}>
          Create token
        </Button>
      </form>
      {failure && !failure.fields.name ? (
        <div className="mt-3">
          <Alert>{failure.message}</Alert>
        </div>
      ) : null}
      {created ? (
        <div className="mt-4 space-y-2">
          <Alert tone="success">Copy this token now. It is shown only once and stored only as a hash.</Alert>
          <Input
            readOnly
            value={created}
            aria-label="New API token"
            data-testid="new-api-token"
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
      ) : null}
      <div className="mt-6">
        {tokens.isPending ? (
          <Spinner label="Loading tokens" />
        ) : tokens.error ? (
          <Alert>{errorInfo(tokens.error).message}</Alert>
        ) : tokens.data.length === 0 ? (
          <p className="text-sm text-slate-500">No tokens yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="API tokens">
            {tokens.data.map((t) => (
              <li key={t.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
                <div>
                  <p className="font-medium">
                    {t.name} <span className="font-mono text-xs text-slate-500">{t.prefix}…</span>
                  </p>
                  <p className="text-xs text-slate-500">
                    {t.scopes.join(", ")} · created {t.createdAt.toLocaleDateString()} ·{" "}
                    {t.lastUsedAt ? `last used ${t.lastUsedAt.toLocaleString()}` : "never used"}
                    {t.revokedAt ? ` · revoked ${t.revokedAt.toLocaleDateString()}` : ""}
                  </p>
                </div>
                {t.revokedAt ? (
                  <span className="text-xs text-slate-500">Revoked</span>
                ) : (
                  <Button
                    variant="danger"
                    aria-label={`Revoke ${t.name}`}
                    disabled={revoke.isPending}
                    onClick={() =>
                      window.confirm(`Revoke "${t.name}"? Anything using it stops working.`) &&
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
