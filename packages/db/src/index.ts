export { createDatabase } from "./database";
export type { Database, DatabaseOptions, TenantDb, AdminDb } from "./database";
export type { BoundSql, SqlQuery } from "./bound-sql";
export { TransactionEndedError } from "./bound-sql";
export { Prisma, Role } from "./generated/prisma/client";
export type { User, Organization, Membership, Invitation, AuditLog } from "./generated/prisma/client";
export type { IntegrationStatus, SyncRunStatus, SyncTrigger, WebhookOutcome } from "./generated/prisma/client";
export type { Prisma as PrismaTypes } from "./generated/prisma/client";
export { provisionRuntimeRole, runtimeRoleProblems } from "./runtime-role";
