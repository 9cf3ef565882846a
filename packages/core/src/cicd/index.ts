export {
  latestRunsForRefs,
  runsForEntity,
  upsertWorkflowRuns,
  MAX_BADGE_REFS,
  MAX_RUNS_PER_ENTITY,
  PROJECT_SLUG,
  type RunBadge,
  type WorkflowRunView,
} from "./workflow-runs";
