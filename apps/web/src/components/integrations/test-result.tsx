import type { RouterOutputs } from "@stagedoor/api/client";
import { Alert } from "@/components/ui";

type Result = RouterOutputs["integrations"]["testGithub"];

function describeIdentity(identity: unknown): string {
  if (!identity || typeof identity !== "object") return "GitHub";
  const i = identity as Record<string, unknown>;
  const parts = [i.login, i.appSlug ?? i.app, i.account ?? i.installationAccount].filter((x) => typeof x === "string");
  return parts.length ? parts.join(" · ") : "GitHub";
}

/** What "Test connection" found: who we are, what we see, or exactly what is wrong. */
export function TestResult({ result }: { result: Result }) {
  if (!result.ok) {
    return (
      <Alert>
        <p className="font-medium">{result.message}</p>
        {result.detail ? <p className="mt-1 text-xs">{result.detail}</p> : null}
        {result.missing?.length ? (
          <p className="mt-1 text-xs">Missing permissions: {result.missing.join(", ")}</p>
        ) : null}
      </Alert>
    );
  }
  const granted = Array.isArray(result.granted)
    ? result.granted
    : Object.entries(result.granted ?? {}).map(([k, v]) => `${k}:${v}`);
  return (
    <Alert tone={result.missing.length ? "info" : "success"}>
      <p className="font-medium" data-testid="connection-ok">
        Connected as {describeIdentity(result.identity)}
        {result.repositoryCount !== null ? `, ${result.repositoryCount} repositories visible` : ""}.
      </p>
      {granted.length ? <p className="mt-1 text-xs">Permissions: {granted.join(", ")}</p> : null}
      {result.missing.length ? (
        <p className="mt-1 text-xs">Missing permissions: {result.missing.join(", ")} — some data will not sync.</p>
      ) : null}
      {result.warnings?.map((w) => (
        <p key={w} className="mt-1 text-xs">
          {w}
        </p>
      ))}
    </Alert>
  );
}
