import type { TenantDb } from "@stagedoor/db";
import { AppError } from "../../../errors";
import { authorize, type UserPrincipal } from "../../../authz";
import type { IntegrationDeps } from "../../deps";
import { findGitHubIntegration } from "./open-client";
import { validateGitHubSettings } from "./settings";
import { saveGitHubIntegration, type SaveGitHubInput } from "./save-github";
import { testGitHubIntegration } from "./test-github";

/**
 * "Save connection" as people use it: whatever decides whether GitHub answers (new
 * credentials, another host or owner) is tested first, and a failed test refuses the save
 * with the test's own message. A token GitHub has just refused is never stored, so it is
 * never shown as connected. Edits of other settings (name, paths, interval) of a saved
 * connection are not re-tested: GitHub being unreachable must not block them.
 */
export async function saveTestedGitHubIntegration(
  db: TenantDb,
  actor: UserPrincipal,
  deps: IntegrationDeps,
  input: SaveGitHubInput,
): Promise<{ id: string }> {
  authorize(actor, "integrations.manage");
  const settings = await validateGitHubSettings(input, { allowPrivateNetworks: deps.allowPrivateNetworks });
  const existing = input.id ? await findGitHubIntegration(db, input.id) : null;
  const reachChanged =
    !existing ||
    input.auth.type !== "saved" ||
    settings.baseUrl !== existing.config.baseUrl ||
    settings.owner !== existing.config.owner;
  if (reachChanged) {
    const result = await testGitHubIntegration(db, actor, deps, {
      id: input.id,
      baseUrl: settings.baseUrl,
      owner: settings.owner,
      auth: input.auth,
    });
    if (!result.ok) {
      throw new AppError("BAD_REQUEST", `Not saved: the connection test failed. ${result.message}`);
    }
  }
  return saveGitHubIntegration(db, actor, deps, input);
}
