import { runtimeRoleProblems } from "./server/db";
import { env, EnvError } from "./env";

// A configuration mistake stops the process here with a message naming the variable,
// instead of surfacing later as a failed request.
try {
  env();
} catch (e) {
  if (!(e instanceof EnvError)) throw e;
  console.error(`\nStagedoor web cannot start. ${e.message}\n`);
  process.exit(1);
}

// In production the database role must be one that Row-Level Security binds: not a
// superuser, not the tables' owner (README, "Deploying"). An unreachable database is left
// to the health check; a role that would quietly see every org is not.
if (env().APP_ENV === "production") {
  let problems: string[] = [];
  try {
    problems = await runtimeRoleProblems(env().DATABASE_URL);
  } catch (e) {
    console.error(`[db] could not check the database role at start: ${(e as Error).message}`);
  }
  if (problems.length) {
    console.error(
      `\nStagedoor web cannot start. DATABASE_URL:\n  ${problems.join("\n  ")}\n` +
        "Run migrations as the schema owner (MIGRATION_DATABASE_URL) and create the runtime role with " +
        "`npm run db:runtime-role` (README, Deploying).\n",
    );
    process.exit(1);
  }
}
