import { createHash } from "node:crypto";
import pg from "pg";
import type { Sql } from "./generated/prisma/internal/prismaNamespace";
import type { DbRole } from "./bind-to-role";
import { boundQuery } from "./bound-query";

/** Runs one statement built with `Prisma.sql` and returns its rows. */
export type SqlQuery = <T = Record<string, unknown>>(query: Sql) => Promise<T[]>;

/**
 * Runs `fn` in one transaction bound exactly like `bindToRole` (SET LOCAL role and
 * app.org_id), straight through node-postgres. It exists for hot reads: a bound Prisma
 * query costs about a millisecond of client CPU and four round trips; this path sends
 * the binding and the first statement together (a pipelined connection) and uses
 * prepared statements, which is what decides requests per second on a small machine.
 * `one(query)` is the single-statement case: the binding and the statement in one
 * implicit transaction, one round trip, no BEGIN or COMMIT (see bound-query.ts).
 */
export type BoundSql = (<T>(fn: (query: SqlQuery) => Promise<T>) => Promise<T>) & { one: SqlQuery };

// TIMESTAMP(3) columns hold UTC (Prisma writes them so); pg would read them as local time.
const TIMESTAMP_OID = 1114;
const types = {
  getTypeParser(oid: number, format?: string) {
    if (oid === TIMESTAMP_OID) return (value: string) => new Date(`${value.replace(" ", "T")}Z`);
    return pg.types.getTypeParser(oid, format as "text");
  },
};

// Statements are prepared once per connection under a name derived from their text, so
// PostgreSQL parses (and, for repeated shapes, plans) them once. Values stay parameters.
const names = new Map<string, string>();
function textHash(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = createHash("sha1").update(text).digest("hex").slice(0, 24);
    if (names.size > 10_000) names.clear();
    names.set(text, name);
  }
  return name;
}

// The name also carries the connection: on a single-backend server (PGlite's socket
// server, which `npm start` uses, multiplexes every connection onto one session) two
// connections preparing the same name would collide.
const connectionTags = new WeakMap<object, string>();
let nextTag = 0;
function statementName(client: pg.PoolClient, text: string): string {
  let tag = connectionTags.get(client);
  if (!tag) {
    tag = (nextTag++).toString(36);
    connectionTags.set(client, tag);
  }
  return `sd${tag}_${textHash(text)}`;
}

/** The pool for this path: pipelined, so a query can follow the binding without waiting. */
export function boundSqlPool(url: string, size: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: size, pipeline: true } as pg.PoolConfig);
  pool.on("error", (error) => console.error(`[db] idle connection lost: ${error.message}`));
  return pool;
}

type Corkable = { cork?(): void; uncork?(): void };

/**
 * Writes whatever `send` queues on the connection in one system call instead of one per
 * message (node-postgres writes each message as it comes). System calls are what a busy
 * server spends its time on here. `connection.stream` is node-postgres's socket.
 */
function corked<T>(client: pg.PoolClient, send: () => T): T {
  const stream = (client as unknown as { connection?: { stream?: Corkable } }).connection?.stream;
  stream?.cork?.();
  try {
    return send();
  } finally {
    stream?.uncork?.();
  }
}

/** A query function was called after its transaction had committed or rolled back. */
export class TransactionEndedError extends Error {
  constructor() {
    super("This query function belongs to a transaction that has ended; run the query inside the transaction.");
    this.name = "TransactionEndedError";
  }
}

// Names the binding's prepared statement (per connection, like every statement here).
const BINDING_KEY = "stagedoor:binding";

export function boundSql(pool: pg.Pool, role: DbRole, orgId: string | null): BoundSql {
  // The simple protocol carries both statements in one message. The org id is a value we
  // issued (never request input), escaped all the same. If the binding fails, the
  // transaction is aborted and every statement after it fails too: nothing runs unbound.
  const binding = (client: pg.PoolClient) =>
    `BEGIN; SELECT set_config('role', '${role}', true), set_config('app.org_id', ${client.escapeLiteral(orgId ?? "")}, true)`;
  const run = <T>(client: pg.PoolClient, q: Sql) =>
    client
      .query({ name: statementName(client, q.text), text: q.text, values: q.values, types })
      .then((r) => r.rows as T[]);

  const transaction = async <T>(fn: (query: SqlQuery) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    let healthy = true;
    // Sent with the first statement, in the same write.
    let bound: Promise<unknown> | null = null;
    // Once COMMIT or ROLLBACK is on its way the connection goes back to the pool: a query
    // kept past that point would run unbound, as the connecting role, or inside whatever
    // transaction (another org's) holds the connection next. Refuse it instead.
    let ended = false;
    try {
      const value = await fn(<R>(q: Sql) => {
        if (ended) return Promise.reject(new TransactionEndedError());
        return corked(client, () => {
          if (!bound) {
            bound = client.query(binding(client));
            bound.catch(() => undefined);
          }
          return run<R>(client, q);
        });
      });
      ended = true;
      if (bound) {
        await bound;
        await client.query("COMMIT");
      }
      return value;
    } catch (error) {
      ended = true;
      if (bound) healthy = await rollback(client);
      throw error;
    } finally {
      // A connection whose rollback failed is in an unknown state: drop it from the pool.
      client.release(!healthy);
    }
  };

  const one: SqlQuery = async <T>(q: Sql) => {
    const client = await pool.connect();
    try {
      return await boundQuery<T>(client, {
        name: statementName(client, q.text),
        bindingName: statementName(client, BINDING_KEY),
        text: q.text,
        values: q.values,
        types,
        role,
        orgId: orgId ?? "",
      });
    } finally {
      // A failed statement ends its implicit transaction at Sync: the connection is clean.
      client.release();
    }
  };

  return Object.assign(transaction, { one });
}

async function rollback(client: pg.PoolClient): Promise<boolean> {
  try {
    await client.query("ROLLBACK");
    return true;
  } catch {
    return false;
  }
}
