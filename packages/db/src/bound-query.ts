import pg from "pg";
import type { DbRole } from "./bind-to-role";

// One statement bound to a role and an org in one message batch, with no BEGIN or COMMIT.
//
// In PostgreSQL's extended protocol, everything sent before a Sync runs in one implicit
// transaction (the server commits at Sync, or rolls back on an error and skips to it).
// So this sends: Bind/Execute of `set_config('role', ..., true), set_config('app.org_id',
// ..., true)`, then node-postgres's usual Parse/Bind/Describe/Execute of the statement,
// then a single Sync. The settings are LOCAL to that implicit transaction: they hold for
// the statement and end at Sync, exactly as BEGIN ... COMMIT would make them, but the
// server runs two statements instead of four and answers once (one ReadyForQuery).
// If the binding fails, the server skips the statement: nothing runs unbound.

const BINDING_TEXT = "SELECT set_config('role', $1, true), set_config('app.org_id', $2, true)";

type Connection = {
  bind(m: { portal: string; statement: string; values: unknown[] }): void;
  execute(m: { portal: string }): void;
  parsedStatements: Record<string, string>;
  submittedNamedStatements: Record<string, string>;
};

type QueryInternals = {
  name: string;
  prepare(connection: Connection): void;
  handleDataRow(msg: unknown): void;
  handleCommandComplete(msg: unknown, connection: Connection): void;
};

export type BoundQueryConfig = {
  /** Prepared statement name for the statement (unique per text and connection). */
  name: string;
  /** Prepared statement name for the binding on this connection. */
  bindingName: string;
  text: string;
  values: unknown[];
  types?: pg.CustomTypesConfig;
  role: DbRole;
  orgId: string;
};

const Base = pg.Query as unknown as new (
  config: pg.QueryConfig,
  values: undefined,
  callback: (error: Error | null, result: pg.QueryResult) => void,
) => QueryInternals;

class BoundQuery extends Base {
  #bindingDone = false;

  constructor(
    private readonly bound: BoundQueryConfig,
    callback: (error: Error | null, result: pg.QueryResult) => void,
  ) {
    super({ name: bound.name, text: bound.text, values: bound.values, types: bound.types }, undefined, callback);
  }

  override prepare(connection: Connection): void {
    const { bindingName, role, orgId } = this.bound;
    // The binding was prepared on this connection beforehand (see boundQuery).
    connection.bind({ portal: "", statement: bindingName, values: [role, orgId] });
    connection.execute({ portal: "" });
    super.prepare(connection);
  }

  // The binding's row and completion are not the statement's result.
  override handleDataRow(msg: unknown): void {
    if (this.#bindingDone) super.handleDataRow(msg);
  }

  override handleCommandComplete(msg: unknown, connection: Connection): void {
    if (this.#bindingDone) super.handleCommandComplete(msg, connection);
    else this.#bindingDone = true;
  }
}

const prepared = new WeakSet<object>();

/** Runs one statement as `role` with `app.org_id` set, in one implicit transaction and one round trip. */
export async function boundQuery<T>(client: pg.PoolClient, config: BoundQueryConfig): Promise<T[]> {
  if (!prepared.has(client)) {
    // Prepared on its own first, once per connection: node-postgres files every
    // ParseComplete under the active query's name, so parsing the binding inside the batch
    // would mark the statement as parsed even when its own Parse failed. Running it alone
    // sets the role and org for an implicit transaction that ends at once.
    await client.query({ name: config.bindingName, text: BINDING_TEXT, values: [config.role, ""] });
    prepared.add(client);
  }
  return new Promise((resolve, reject) => {
    const query = new BoundQuery(config, (error, result) => (error ? reject(error) : resolve(result.rows as T[])));
    void client.query(query as unknown as pg.Submittable);
  });
}
