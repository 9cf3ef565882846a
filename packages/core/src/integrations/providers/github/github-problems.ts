import { DiscoveryError, GitHubConfigurationError, TeamsError } from "@stagedoor/connectors";
import { isAppError } from "../../../errors";

type ResponseError = Error & { status?: number; response?: { status?: number; data?: unknown } };

/**
 * Failures that retrying will not fix: the credentials were revoked, the owner is gone,
 * the configuration is wrong. Returns the message to show on the integration, or null for
 * failures worth retrying (network trouble, GitHub outages).
 */
export function permanentProblem(error: unknown): string | null {
  if (isAppError(error)) return error.message;
  if (error instanceof GitHubConfigurationError) return error.message;
  if (error instanceof DiscoveryError) return error.message;
  if (error instanceof TeamsError && error.code !== "graphql-error") return error.message;
  const e = error as ResponseError;
  const status = e?.response?.status ?? e?.status;
  if (status === 401) {
    return "GitHub rejected the credentials (401 Bad credentials): the token was revoked or expired, or the app's key was regenerated. Enter new credentials.";
  }
  if (status === 403 || status === 404) {
    const data = e.response?.data as { message?: unknown } | undefined;
    const detail = typeof data?.message === "string" ? data.message : e.message;
    return `GitHub refused access (${status}): ${detail}. Check the integration's permissions and installation.`;
  }
  return null;
}
