"use client";

import { useState, type ReactNode } from "react";
import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { MAX_TOKEN_NAME_LENGTH } from "@stagedoor/core/limits";
import { errorInfo } from "@/lib/trpc";
import { Alert, Button, Field, Input, Spinner } from "@/components/ui";

/** What the panel lists of a token: never the secret, only its name and prefix. */
export type SecretTokenRow = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** The parts of the list query and the two mutations the panel reads (tRPC + React Query). */
type TokenList<T> = { isPending: boolean; error: unknown; data: T[] | undefined };
type CreateToken<V> = {
  mutate: (variables: V, options: { onSuccess: (created: { token: string }) => void }) => void;
  isPending: boolean;
  error: unknown;
};
type RevokeToken = {
  mutate: (variables: { tokenId: string }, options: { onSuccess: () => void }) => void;
  isPending: boolean;
};

export type SecretTokenPanelProps<T extends SecretTokenRow, V> = {
  tokens: TokenList<T>;
  /** Invalidated after a create or revoke, so the list shows the change. */
  listKey: QueryKey;
  create: CreateToken<V>;
  revoke: RevokeToken;
  /** The create mutation's input for a token name (plus whatever else the form collects). */
  variables: (name: string) => V;
  nameField: { id: string; label: string; placeholder: string };
  submitLabel: string;
  /** More inputs beside the name (a third grid column), e.g. scopes. */
  extraFields?: ReactNode;
  canSubmit?: boolean;
  /** Shown above the create form, e.g. the address the tokens are for. */
  intro?: ReactNode;
  /** Shown in place of the create form (e.g. a plan lock); the list stays. */
  formReplacement?: ReactNode;
  secret: { notice: ReactNode; label: string; testId: string };
  list: {
    label: string;
    loading: string;
    empty: string;
    /** Words before "created …" on a token's line, e.g. its scopes. */
    describe?: (token: T) => string;
    revokeLabel: (token: T) => string;
    revokeWarning: string;
  };
};

/**
 * A secret token's life in one panel: create it by name, show the secret once (selected on
 * focus, for copying), list the org's tokens by name and prefix, revoke one. API tokens and
 * SCIM tokens share it; each brings its own query, mutations and words.
 */
export function SecretTokenPanel<T extends SecretTokenRow, V>(props: SecretTokenPanelProps<T, V>) {
  const { tokens, create, revoke, list } = props;
  const queryClient = useQueryClient();
  // A list request still in flight may have been read before the change: React Query would
  // join it instead of fetching again, so it is cancelled first and the list fetched anew.
  const refresh = async () => {
    await queryClient.cancelQueries({ queryKey: props.listKey });
    await queryClient.invalidateQueries({ queryKey: props.listKey });
  };
  const [name, setName] = useState("");
  const [created, setCreated] = useState<string | null>(null);
  const failure = create.error ? errorInfo(create.error) : null;
  const columns = props.extraFields ? "sm:grid-cols-[1fr_auto_auto]" : "sm:grid-cols-[1fr_auto]";

  return (
    <>
      {props.intro}
      {props.formReplacement ?? (
        <form
          className={`${props.intro ? "mt-4 " : ""}grid gap-4 ${columns} sm:items-end`}
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate(props.variables(name), {
              onSuccess: ({ token }) => {
                setCreated(token);
                setName("");
                void refresh();
              },
            });
          }}
        >
          <Field label={props.nameField.label} htmlFor={props.nameField.id} error={failure?.fields.name}>
            <Input
              id={props.nameField.id}
              value={name}
              onChange={(e) => setName(e.target.value)}
              required
              maxLength={MAX_TOKEN_NAME_LENGTH}
              placeholder={props.nameField.placeholder}
            />
          </Field>
          {props.extraFields}
          <Button type="submit" disabled={create.isPending || props.canSubmit === false}>
            {props.submitLabel}
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
          <Alert tone="success">{props.secret.notice}</Alert>
          <Input
            readOnly
            value={created}
            aria-label={props.secret.label}
            data-testid={props.secret.testId}
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
      ) : null}
      <div className="mt-6">
        {tokens.isPending ? (
          <Spinner label={list.loading} />
        ) : tokens.error || !tokens.data ? (
          <Alert>{errorInfo(tokens.error).message}</Alert>
        ) : tokens.data.length === 0 ? (
          <p className="text-sm text-slate-500">{list.empty}</p>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label={list.label}>
            {tokens.data.map((t) => (
              <li key={t.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
                <div>
                  <p className="font-medium">
                    {t.name} <span className="font-mono text-xs text-slate-500">{t.prefix}…</span>
                  </p>
                  <p className="text-xs text-slate-500">
                    {list.describe ? `${list.describe(t)} · ` : ""}created {t.createdAt.toLocaleDateString()} ·{" "}
                    {t.lastUsedAt ? `last used ${t.lastUsedAt.toLocaleString()}` : "never used"}
                    {t.revokedAt ? ` · revoked ${t.revokedAt.toLocaleDateString()}` : ""}
                  </p>
                </div>
                {t.revokedAt ? (
                  <span className="text-xs text-slate-500">Revoked</span>
                ) : (
                  <Button
                    variant="danger"
                    aria-label={list.revokeLabel(t)}
                    disabled={revoke.isPending}
                    onClick={() =>
                      window.confirm(`Revoke "${t.name}"? ${list.revokeWarning}`) &&
                      revoke.mutate({ tokenId: t.id }, { onSuccess: () => void refresh() })
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
    </>
  );
}
