"use client";

import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import type { RouterOutputs } from "@stagedoor/api/client";
import {
  DEFAULT_SYNC_INTERVAL_MINUTES,
  MAX_SYNC_INTERVAL_MINUTES,
  MIN_SYNC_INTERVAL_MINUTES,
} from "@stagedoor/core/limits";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { Alert, Button, Field, Input } from "@/components/ui";
import { TestResult } from "./test-result";

export type SavedIntegration = Extract<RouterOutputs["integrations"]["list"][number], { provider: "github" }>;

const textarea =
  "block w-full rounded-md border-0 px-3 py-2 font-mono text-xs text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-indigo-600";

/**
 * Connect (or edit) a GitHub integration: a GitHub App installation or a fine-grained
 * token, on github.com or GitHub Enterprise Server. Secrets go up once and never come back:
 * when editing, leaving them empty keeps the saved ones.
 */
export function GithubConnectionForm({
  existing,
  onSaved,
}: {
  existing?: SavedIntegration;
  onSaved: (id: string) => void;
}) {
  const trpc = useTRPC();
  const [name, setName] = useState(existing?.name ?? "GitHub");
  const [authType, setAuthType] = useState<"app" | "token">(existing?.config.authType ?? "app");
  const [baseUrl, setBaseUrl] = useState(existing?.config.baseUrl ?? "https://api.github.com");
  const [owner, setOwner] = useState(existing?.config.owner ?? "");
  const [appId, setAppId] = useState("");
  const [installationId, setInstallationId] = useState("");
  const [privateKey, setPrivateKey] = useState("");
  const [token, setToken] = useState("");
  const [paths, setPaths] = useState((existing?.config.catalogPaths ?? ["catalog-info.yaml"]).join(", "));
  const [interval, setInterval] = useState(existing?.config.syncIntervalMinutes ?? DEFAULT_SYNC_INTERVAL_MINUTES);
  const [syncTeams, setSyncTeams] = useState(existing?.config.syncTeams ?? true);
  const [registerRepos, setRegisterRepos] = useState(existing?.config.registerReposWithoutCatalog ?? false);

  const secretsEntered = authType === "app" ? Boolean(appId && installationId && privateKey) : Boolean(token);
  const auth =
    !secretsEntered && existing
      ? ({ type: "saved" } as const)
      : authType === "app"
        ? ({ type: "app", appId, installationId, privateKey } as const)
        : ({ type: "token", token } as const);
  const settings = {
    name,
    baseUrl: baseUrl.trim() || undefined,
    owner: owner.trim(),
    auth,
    catalogPaths: paths
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean),
    syncIntervalMinutes: interval,
    syncTeams,
    registerReposWithoutCatalog: registerRepos,
  };

  const test = useMutation(trpc.integrations.testGithub.mutationOptions());
  const save = useMutation(trpc.integrations.saveGithub.mutationOptions({ onSuccess: (r) => onSaved(r.id) }));
  // A result or refusal is about what was sent: once the form changes it is old news.
  const testInput = { id: existing?.id, baseUrl: settings.baseUrl, owner: settings.owner, auth };
  const testCurrent = JSON.stringify(test.variables) === JSON.stringify(testInput);
  const saveCurrent = JSON.stringify(save.variables) === JSON.stringify({ ...settings, id: existing?.id });
  const failure = save.error && saveCurrent ? errorInfo(save.error) : null;
  const field = (k: string) => failure?.fields[k];

  return (
    <form
      className="space-y-5"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ ...settings, id: existing?.id });
      }}
    >
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Connect with</legend>
        <div className="mt-2 flex flex-wrap gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="auth" checked={authType === "app"} onChange={() => setAuthType("app")} /> GitHub
            App (recommended: best rate limits)
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="auth" checked={authType === "token"} onChange={() => setAuthType("token")} />{" "}
            Fine-grained personal access token
          </label>
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Organization or user on GitHub"
          htmlFor="gh-owner"
          error={field("owner")}
          hint="The login whose repositories to import, e.g. acme."
        >
          <Input id="gh-owner" value={owner} onChange={(e) => setOwner(e.target.value)} required placeholder="acme" />
        </Field>
        <Field
          label="API base URL"
          htmlFor="gh-base-url"
          error={field("baseUrl")}
          hint="GitHub Enterprise Server: https://github.example.com/api/v3"
        >
          <Input id="gh-base-url" value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} type="url" />
        </Field>
      </div>
      {authType === "app" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="App ID" htmlFor="gh-app-id" error={field("auth.appId") ?? field("appId")}>
            <Input
              id="gh-app-id"
              value={appId}
              onChange={(e) => setAppId(e.target.value)}
              inputMode="numeric"
              placeholder={existing ? "saved (leave empty to keep)" : "123456"}
            />
          </Field>
          <Field
            label="Installation ID"
            htmlFor="gh-installation-id"
            error={field("auth.installationId") ?? field("installationId")}
          >
            <Input
              id="gh-installation-id"
              value={installationId}
              onChange={(e) => setInstallationId(e.target.value)}
              inputMode="numeric"
              placeholder={existing ? "saved (leave empty to keep)" : "7654321"}
            />
          </Field>
          <div className="sm:col-span-2">
            <Field
              label="Private key (PEM)"
              htmlFor="gh-private-key"
              error={field("auth.privateKey") ?? field("privateKey")}
              hint="Stored encrypted; never shown again."
            >
              <textarea
                id="gh-private-key"
                value={privateKey}
                onChange={(e) => setPrivateKey(e.target.value)}
                rows={4}
                className={textarea}
                placeholder="-----BEGIN RSA PRIVATE KEY-----"
              />
            </Field>
          </div>
        </div>
      ) : (
        <Field
          label="Token"
          htmlFor="gh-token"
          error={field("auth.token") ?? field("token")}
          hint="Needs read access to contents, metadata, members and actions. Stored encrypted; never shown again."
        >
          <Input
            id="gh-token"
            value={token}
            onChange={(e) => setToken(e.target.value)}
            type="password"
            autoComplete="off"
            placeholder={existing ? "saved (leave empty to keep)" : "github_pat_…"}
          />
        </Field>
      )}
      <details className="rounded-md px-3 py-2 ring-1 ring-slate-200">
        <summary className="cursor-pointer text-sm font-medium">Sync options</summary>
        <div className="mt-3 grid gap-4 sm:grid-cols-2">
          <Field
            label="Catalog file paths"
            htmlFor="gh-paths"
            error={field("catalogPaths")}
            hint="Comma-separated, relative to each repository's root."
          >
            <Input id="gh-paths" value={paths} onChange={(e) => setPaths(e.target.value)} />
          </Field>
          <Field label="Sync every (minutes)" htmlFor="gh-interval" error={field("syncIntervalMinutes")}>
            <Input
              id="gh-interval"
              type="number"
              min={MIN_SYNC_INTERVAL_MINUTES}
              max={MAX_SYNC_INTERVAL_MINUTES}
              value={interval}
              onChange={(e) => setInterval(Number(e.target.value))}
            />
          </Field>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={syncTeams} onChange={(e) => setSyncTeams(e.target.checked)} /> Import teams
            as groups and their members as users
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={registerRepos} onChange={(e) => setRegisterRepos(e.target.checked)} /> List
            repositories without a catalog file as components
          </label>
        </div>
      </details>
      <Field label="Connection name" htmlFor="gh-name" error={field("name")}>
        <Input id="gh-name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
      </Field>
      {test.data && testCurrent ? <TestResult result={test.data} /> : null}
      {test.error && testCurrent ? <Alert>{errorInfo(test.error).message}</Alert> : null}
      {failure && Object.keys(failure.fields).length === 0 ? <Alert>{failure.message}</Alert> : null}
      <div className="flex flex-wrap gap-3">
        <Button
          type="button"
          variant="secondary"
          disabled={test.isPending || !owner || (!secretsEntered && !existing)}
          onClick={() => test.mutate(testInput)}
        >
          {test.isPending ? "Testing…" : "Test connection"}
        </Button>
        <Button type="submit" disabled={save.isPending || !owner || (!secretsEntered && !existing)}>
          {save.isPending ? "Testing and saving…" : existing ? "Save changes" : "Save connection"}
        </Button>
      </div>
    </form>
  );
}
