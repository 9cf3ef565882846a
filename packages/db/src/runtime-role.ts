import pg from "pg";

// Production runs with two database roles (README, "Deploying"):
//   the migration role (MIGRATION_DATABASE_URL) owns the schema and runs `migrate deploy`;
//   the runtime role (DATABASE_URL) is what web and worker log in as. It owns nothing, is
//   no superuser, has no BYPASSRLS and is NOINHERIT: it can SET ROLE to stagedoor_app and
//   stagedoor_admin (every query does, see bind-to-role.ts) but holds no table privilege
//   itself, so a query that escaped the binding is refused instead of seeing every org.

const APP_ROLES = ["stagedoor_app", "stagedoor_admin"] as const;

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * What is wrong with the role `url` logs in as, for the runtime role; empty when nothing
 * is. Checked by the web app at start in production.
 */
export async function runtimeRoleProblems(url: string): Promise<string[]> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{
      name: string;
      superuser: boolean;
      bypassrls: boolean;
      owned: string;
      inherits: boolean;
      can_set: boolean;
    }>(
      `SELECT r.rolname AS name, r.rolsuper AS superuser, r.rolbypassrls AS bypassrls,
         (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE c.relowner = r.oid AND n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm')) AS owned,
         pg_has_role(r.oid, 'stagedoor_app', 'USAGE') OR pg_has_role(r.oid, 'stagedoor_admin', 'USAGE') AS inherits,
         pg_has_role(r.oid, 'stagedoor_app', 'MEMBER') AND pg_has_role(r.oid, 'stagedoor_admin', 'MEMBER') AS can_set
       FROM pg_roles r WHERE r.rolname = current_user`,
    );
    const r = rows[0]!;
    const problems: string[] = [];
    if (r.superuser) problems.push(`role ${r.name} is a superuser (superusers ignore Row-Level Security)`);
    if (r.bypassrls) problems.push(`role ${r.name} has BYPASSRLS`);
    if (Number(r.owned) > 0)
      problems.push(`role ${r.name} owns ${r.owned} tables (owners can disable Row-Level Security)`);
    if (!r.superuser && r.inherits) {
      problems.push(`role ${r.name} inherits the privileges of stagedoor_app/stagedoor_admin (make it NOINHERIT)`);
    }
    if (!r.superuser && !r.can_set)
      problems.push(`role ${r.name} cannot SET ROLE to stagedoor_app and stagedoor_admin`);
    return problems;
  });
}

/**
 * Creates (or corrects) the runtime role named by `runtimeUrl`'s user, logged in to as
 * `migrationUrl`'s role (which ran the migrations, so it may grant the app roles). The
 * password in `runtimeUrl`, if any, becomes the role's password. Idempotent: run it after
 * every `migrate deploy`.
 */
export async function provisionRuntimeRole(migrationUrl: string, runtimeUrl: string): Promise<string> {
  const runtime = new URL(runtimeUrl);
  const name = decodeURIComponent(runtime.username);
  const password = runtime.password ? decodeURIComponent(runtime.password) : null;
  if (!name) throw new Error("DATABASE_URL names no user: give the runtime role a name of its own");
  const migration = decodeURIComponent(new URL(migrationUrl).username);
  if (name === migration) {
    throw new Error(`DATABASE_URL and MIGRATION_DATABASE_URL both log in as ${name}: the runtime role must differ`);
  }
  await withClient(migrationUrl, async (client) => {
    const role = client.escapeIdentifier(name);
    const exists = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [name]);
    const attributes = "LOGIN NOINHERIT NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE";
    const withPassword = password === null ? "" : ` PASSWORD ${client.escapeLiteral(password)}`;
    await client.query(`${exists.rowCount ? "ALTER" : "CREATE"} ROLE ${role} ${attributes}${withPassword}`);
    await client.query(`GRANT ${APP_ROLES.join(", ")} TO ${role}`);
  });
  return name;
}
