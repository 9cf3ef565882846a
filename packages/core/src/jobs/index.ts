export {
  DeferJob,
  defineJob,
  INTEGRATIONS_QUEUE,
  MAINTENANCE_QUEUE,
  type AnyJobDefinition,
  type JobContext,
  type JobDefinition,
  type JobOptions,
  type JobQueue,
  type JobRun,
  type JobSchedule,
} from "./define-job";
export { integrationServices, type IntegrationJobServices, type JobServices } from "./services";
export { jobRegistry, jobsOfQueue } from "./registry";
export { maintenanceJobs } from "./maintenance-jobs";
