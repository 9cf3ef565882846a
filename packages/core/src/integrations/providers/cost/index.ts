import { defineProvider } from "../../provider";
import { runCostStep, initialCostCheckpoint } from "./run-step";
import {
  costConfigSchema,
  costConfigView,
  costCredentialsSchema,
  COST_PROVIDER,
  COST_SYNC_INTERVAL_MINUTES,
  readCostConfig,
} from "./settings";
import { testCostExport } from "./test-cost";

/**
 * Cloud costs from a FOCUS export (AWS, Google Cloud and Azure all write one) behind the
 * provider contract: read with DuckDB, allocated to components and teams by tag keys, and
 * stored as daily aggregates. Re-imported daily; an uploaded file imports once.
 */
export const costProvider = defineProvider({
  kind: COST_PROVIDER,
  label: "Cloud costs (FOCUS)",
  configSchema: costConfigSchema,
  credentialsSchema: costCredentialsSchema,
  readConfig: readCostConfig,
  syncIntervalMinutes: () => COST_SYNC_INTERVAL_MINUTES,
  view: (raw) => ({ config: costConfigView(raw), webhookSecretHint: null }),
  testConnection: testCostExport,
  sync: {
    initialCheckpoint: initialCostCheckpoint,
    createRuntime: () => ({}),
    runStep: (db, deps, job) => runCostStep(db, deps, job),
  },
  entityPage: [{ tab: "cost", label: "Cost", appliesTo: () => true }],
});
