import { router } from "../../trpc";
import { deleteIntegrationProcedure } from "./delete-integration";
import { dryRunProcedure } from "./dry-run";
import { getIntegrationProcedure } from "./get-integration";
import { listIntegrationsProcedure } from "./list-integrations";
import { listRunsProcedure } from "./list-runs";
import { revealWebhookSecretProcedure } from "./reveal-webhook-secret";
import { saveGithubProcedure } from "./save-github";
import { syncNowProcedure } from "./sync-now";
import { syncRunProcedure } from "./sync-run";
import { testGithubProcedure } from "./test-github";

export const integrationsRouter = router({
  list: listIntegrationsProcedure,
  get: getIntegrationProcedure,
  testGithub: testGithubProcedure,
  saveGithub: saveGithubProcedure,
  dryRun: dryRunProcedure,
  syncNow: syncNowProcedure,
  syncRun: syncRunProcedure,
  runs: listRunsProcedure,
  delete: deleteIntegrationProcedure,
  revealWebhookSecret: revealWebhookSecretProcedure,
});
