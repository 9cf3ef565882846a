import { testGitHubConnection, type ConnectionTestResult, type GitHubCredentials } from "@stagedoor/connectors";
import type { TenantDb } from "@stagedoor/db";
import { AppError } from "../../../errors";
import { authorize, type UserPrincipal } from "../../../authz";
import { openCredentials } from "../../credentials";
import type { IntegrationDeps } from "../../deps";
import { assertIntegrationRoom } from "../../../billing/plan-capabilities";
import { findGitHubIntegration, GITHUB_PROVIDER } from "./open-client";
import { sameOriginFetch } from "./outbound-fetch";
import {
  githubCredentialsSchema,
  normalizeBaseUrl,
  refuseSavedCredentialsForNewHost,
  type GitHubAuthInput,
} from "./settings";

export type TestGitHubInput = {
  /** With auth "saved": whose stored credentials to use. */
  id?: string;
  /** Omitted with saved credentials: the saved base URL. Empty: github.com. */
  baseUrl?: string | null;
  owner: string;
  auth: GitHubAuthInput;
};

/**
 * "Test connection", with what the form holds right now (nothing is saved) or with the
 * stored credentials. Problems come back as a result the form shows, not as errors.
 */
export async function testGitHubIntegration(
  db: TenantDb,
  actor: UserPrincipal,
  deps: IntegrationDeps,
  input: TestGitHubInput,
): Promise<ConnectionTestResult> {
  authorize(actor, "integrations.manage");
  // A new connection the plan would refuse is refused before GitHub is contacted.
  if (!input.id) await assertIntegrationRoom(db, { provider: GITHUB_PROVIDER, label: "GitHub" });
  let credentials: GitHubCredentials;
  let baseUrl = input.baseUrl === undefined ? undefined : input.baseUrl?.trim() || null;
  let catalogPath: string | undefined;
  if (input.auth.type === "saved") {
    if (!input.id) {
      throw new AppError("BAD_REQUEST", "There are no saved credentials to test yet.", { auth: "Enter credentials." });
    }
    const integration = await findGitHubIntegration(db, input.id);
    try {
      credentials = openCredentials(deps.secrets, integration.row, githubCredentialsSchema);
    } catch {
      return {
        ok: false,
        code: "invalid-configuration",
        message: "The saved credentials cannot be decrypted; enter them again.",
      };
    }
    // Saved credentials are only ever sent to the saved host (issue 8, finding 1).
    if (baseUrl !== undefined && normalizeBaseUrl(baseUrl) !== integration.config.baseUrl) {
      refuseSavedCredentialsForNewHost();
    }
    baseUrl = integration.config.baseUrl;
    catalogPath = integration.config.catalogPaths[0];
  } else {
    credentials =
      input.auth.type === "app"
        ? {
            type: "app",
            appId: input.auth.appId.trim(),
            installationId: input.auth.installationId.trim(),
            privateKey: input.auth.privateKey,
          }
        : { type: "token", token: input.auth.token.trim() };
  }
  return testGitHubConnection({
    credentials,
    ...(baseUrl ? { baseUrl } : {}),
    owner: input.owner.trim(),
    ...(catalogPath ? { catalogPath } : {}),
    outbound: { allowPrivateNetworks: deps.allowPrivateNetworks },
    client: {
      ...deps.github?.client,
      ...(baseUrl ? { fetch: sameOriginFetch(baseUrl, deps.github?.client?.fetch) } : {}),
    },
  });
}
