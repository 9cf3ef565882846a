/** What one step adds to its SyncRun's counters (the run's columns, whatever the provider). */
export type StepCounts = {
  reposScanned: number;
  filesFound: number;
  entitiesCreated: number;
  entitiesUpdated: number;
  entitiesUnchanged: number;
  entitiesOrphaned: number;
};

export const emptyCounts = (): StepCounts => ({
  reposScanned: 0,
  filesFound: 0,
  entitiesCreated: 0,
  entitiesUpdated: 0,
  entitiesUnchanged: 0,
  entitiesOrphaned: 0,
});
