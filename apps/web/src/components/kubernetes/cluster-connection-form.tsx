"use client";

import { useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import type { ClusterTestResult } from "@stagedoor/core";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { Alert, Button, Field, Input } from "@/components/ui";

type Mode = "token" | "kubeconfig";

/**
 * Connect a cluster: API server URL + CA + service-account token, or an uploaded
 * kubeconfig (token and client-certificate users). "Test connection" shows the server
 * version and which resources are listable, or the exact problem; saving tests again.
 */
export function ClusterConnectionForm({ onSaved }: { onSaved: (id: string) => void }) {
  const trpc = useTRPC();
  const [mode, setMode] = useState<Mode>("token");
  const [name, setName] = useState("");
  const [server, setServer] = useState("");
  const [caData, setCaData] = useState("");
  const [token, setToken] = useState("");
  const [kubeconfig, setKubeconfig] = useState("");
  const [context, setContext] = useState("");
  const auth =
    mode === "token"
      ? { type: "token" as const, server, caData: caData || null, token }
      : { type: "kubeconfig" as const, kubeconfig, context: context || null };
  const test = useMutation(trpc.kubernetes.testCluster.mutationOptions());
  const save = useMutation(trpc.kubernetes.saveCluster.mutationOptions({ onSuccess: (r) => onSaved(r.id) }));
  const testCurrent = JSON.stringify(test.variables) === JSON.stringify({ auth });
  const failure = save.error ? errorInfo(save.error) : null;
  const testFailure = test.error && testCurrent ? errorInfo(test.error) : null;
  const field = (k: string) => failure?.fields[k] ?? testFailure?.fields[k];

  return (
    <form
      className="space-y-5"
      aria-label="Connect a Kubernetes cluster"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ name, auth });
      }}
    >
      <Field label="Cluster name" htmlFor="k8s-name" error={field("name")} hint="How pages name it, e.g. prod-eu.">
        <Input id="k8s-name" value={name} onChange={(e) => setName(e.target.value)} required placeholder="prod-eu" />
      </Field>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Connect with</legend>
        <div className="mt-2 flex flex-wrap gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="k8s-mode" checked={mode === "token"} onChange={() => setMode("token")} /> API
            server URL and service-account token
          </label>
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="k8s-mode"
              checked={mode === "kubeconfig"}
              onChange={() => setMode("kubeconfig")}
            />{" "}
            Upload a kubeconfig
          </label>
        </div>
      </fieldset>
      {mode === "token" ? (
        <div className="space-y-4">
          <Field
            label="API server URL"
            htmlFor="k8s-server"
            error={field("server")}
            hint="e.g. https://k8s.example.com:6443"
          >
            <Input id="k8s-server" value={server} onChange={(e) => setServer(e.target.value)} required />
          </Field>
          <Field
            label="CA certificate (PEM, optional)"
            htmlFor="k8s-ca"
            error={field("caData")}
            hint="The cluster's CA when it is not publicly trusted."
          >
            <textarea
              id="k8s-ca"
              value={caData}
              onChange={(e) => setCaData(e.target.value)}
              rows={4}
              className="w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-xs"
              placeholder="-----BEGIN CERTIFICATE-----"
            />
          </Field>
          <Field label="Service-account token" htmlFor="k8s-token" error={field("token")}>
            <Input id="k8s-token" type="password" value={token} onChange={(e) => setToken(e.target.value)} required />
          </Field>
        </div>
      ) : (
        <div className="space-y-4">
          <Field
            label="kubeconfig file"
            htmlFor="k8s-kubeconfig-file"
            error={field("kubeconfig")}
            hint="Token and client-certificate users with embedded data; exec and auth-provider plugins are refused."
          >
            <input
              id="k8s-kubeconfig-file"
              type="file"
              className="text-sm"
              onChange={async (e) => setKubeconfig((await e.target.files?.[0]?.text()) ?? "")}
            />
          </Field>
          <Field label="…or paste it" htmlFor="k8s-kubeconfig">
            <textarea
              id="k8s-kubeconfig"
              value={kubeconfig}
              onChange={(e) => setKubeconfig(e.target.value)}
              rows={6}
              className="w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-xs"
            />
          </Field>
          <Field label="Context (optional)" htmlFor="k8s-context" hint="Default: the kubeconfig's current-context.">
            <Input id="k8s-context" value={context} onChange={(e) => setContext(e.target.value)} />
          </Field>
        </div>
      )}
      <div className="flex flex-wrap gap-3">
        <Button type="button" variant="secondary" onClick={() => test.mutate({ auth })} disabled={test.isPending}>
          {test.isPending ? "Testing…" : "Test connection"}
        </Button>
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save cluster"}
        </Button>
      </div>
      {testFailure ? <Alert>{testFailure.message}</Alert> : null}
      {test.data && testCurrent ? <ClusterTestReport result={test.data} /> : null}
      {failure ? <Alert>{failure.message}</Alert> : null}
      <ClusterRoleHelp />
    </form>
  );
}

export function ClusterTestReport({ result }: { result: ClusterTestResult }) {
  if (!result.ok) {
    return (
      <Alert>
        <span data-testid="cluster-test-problem">{result.message}</span>
      </Alert>
    );
  }
  return (
    <div role="status" className="space-y-2 rounded-md border border-slate-200 p-3 text-sm">
      <p>
        Connected: Kubernetes <strong>{result.serverVersion}</strong>.{" "}
        {result.missing.length
          ? `${result.missing.length} resource${result.missing.length === 1 ? " is" : "s are"} not listable; apply the ClusterRole below.`
          : "Every needed resource is listable."}
      </p>
      <ul aria-label="Resources" className="grid gap-1 sm:grid-cols-2">
        {result.resources.map((r) => (
          <li key={r.resource} className={r.listable ? "text-emerald-800" : "text-red-700"}>
            {r.listable ? "✓ can list" : "✗ cannot list"} {r.resource}
            {r.problem ? <span className="block text-xs">{r.problem}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function ClusterRoleHelp() {
  const trpc = useTRPC();
  const role = useQuery(trpc.kubernetes.clusterRole.queryOptions());
  const [copied, setCopied] = useState(false);
  return (
    <details className="rounded-md border border-slate-200 p-3 text-sm">
      <summary className="cursor-pointer font-medium">
        Read-only ClusterRole and binding for the service account
      </summary>
      <p className="mt-2 text-slate-600">
        Apply with <code>kubectl apply -f</code>, then read the token with{" "}
        <code>
          kubectl -n stagedoor get secret stagedoor-reader-token -o jsonpath=&apos;{"{.data.token}"}&apos; | base64 -d
        </code>
        .
      </p>
      {role.data ? (
        <>
          <pre className="mt-2 max-h-64 overflow-auto rounded bg-slate-50 p-2 text-xs" aria-label="ClusterRole YAML">
            {role.data.yaml}
          </pre>
          <Button
            type="button"
            variant="secondary"
            className="mt-2"
            onClick={async () => {
              await navigator.clipboard.writeText(role.data.yaml);
              setCopied(true);
            }}
          >
            {copied ? "Copied" : "Copy YAML"}
          </Button>
        </>
      ) : null}
    </details>
  );
}
