// `npm run db:runtime-role`: after `prisma migrate deploy`, creates or corrects the role
// DATABASE_URL logs in as, using MIGRATION_DATABASE_URL (see runtime-role.ts).
import { provisionRuntimeRole, runtimeRoleProblems } from "../../packages/db/src/runtime-role";

const migrationUrl = process.env.MIGRATION_DATABASE_URL;
const runtimeUrl = process.env.DATABASE_URL;
if (!migrationUrl || !runtimeUrl) {
  console.error("Set MIGRATION_DATABASE_URL (schema owner) and DATABASE_URL (runtime role).");
  process.exit(1);
}
const name = await provisionRuntimeRole(migrationUrl, runtimeUrl);
const problems = await runtimeRoleProblems(runtimeUrl);
if (problems.length) {
  console.error(`Runtime role ${name} is not safe to run with:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log(`Runtime role ${name}: no superuser, no BYPASSRLS, owns nothing, NOINHERIT member of the app roles.`);
