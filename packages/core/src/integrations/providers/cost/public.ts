// What the rest of the product (api routers, web, the benchmark, tests) uses of the cost provider.
export { costProvider } from "./index";
export {
  DEFAULT_ALLOCATION_RULES,
  MAX_ALLOCATION_RULES,
  allocationRulesSchema,
  type AllocationRule,
} from "./allocation";
export {
  COST_PROVIDER,
  COST_SYNC_INTERVAL_MINUTES,
  costSourceSchema,
  readCostConfig,
  type CostConfigView,
  type CostSource,
  type CostCredentials,
} from "./settings";
export { saveCostIntegration, type SaveCostInput, type CostCredentialsInput } from "./save-cost";
export { testCostExport, type TestCostInput, type TestCostResult } from "./test-cost";
export { importCostFiles, type CostImportSummary } from "./import-costs";
export { uploadCostExport } from "./upload-cost";
export {
  costInsights,
  COST_PERIODS,
  MAX_COST_GROUPS,
  type CostGrouping,
  type CostInsights,
  type CostPeriod,
  type CostGroupRow,
} from "./insights";
export { entityCosts, type EntityCosts } from "./entity-costs";
export { runCostStep } from "./run-step";
export { COST_INSIGHTS_READ } from "./plugin";
export { focusCsv, focusCsvLine, FOCUS_HEADER, type FocusRow } from "./focus-fixture";
export { makeComponents, makeCostIntegration, tempFiles } from "./cost-testing";
