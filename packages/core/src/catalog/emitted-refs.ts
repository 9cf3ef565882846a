import { Prisma, type PrismaTypes } from "@stagedoor/db";
import type { CatalogError } from "@stagedoor/catalog";
import { ORPHAN_LIST_LIMIT } from "./ingestion-types";

type Tx = PrismaTypes.TransactionClient;

const NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

// Up to this many refs stay in this process; beyond, they move to a temporary table.
export const IN_MEMORY_REFS = 5000;

/**
 * The refs one ingestion has emitted so far, and where each was first defined. It answers
 * the two source-wide questions batches cannot: "was this ref defined in an earlier
 * batch?" (a duplicate) and, at the end, "which stored entities were not emitted?"
 * (orphans). A small source (a repository, a paste) keeps them here; a large one moves
 * them to a temporary table of the ingestion's own transaction, so memory stays flat
 * however large the source (a million refs would be hundreds of MB here). Temporary
 * tables are per session and dropped at commit: no tenancy involved.
 */
export class EmittedRefs {
  private readonly here = new Map<string, string>();
  private table: string | null = null;
  private moving: Promise<void> = Promise.resolve();
  private count = 0;
  private static sequence = 0;

  constructor(
    private readonly tx: Tx,
    private readonly inMemory = IN_MEMORY_REFS,
  ) {}

  /** Where each of these refs was defined by an earlier batch, if it was. */
  async earlier(refs: string[]): Promise<Map<string, string>> {
    // While the refs move to the table, the table does not hold them all yet.
    await this.moving;
    if (!this.table) return new Map(refs.flatMap((ref) => (this.here.has(ref) ? [[ref, this.here.get(ref)!]] : [])));
    if (refs.length === 0) return new Map();
    const rows = await this.tx.$queryRaw<Array<{ ref: string; at: string }>>`
      SELECT ref, at FROM ${Prisma.raw(this.table)} WHERE ref = ANY(${refs}::text[])`;
    return new Map(rows.map((r) => [r.ref, r.at]));
  }

  async record(refs: Array<[ref: string, at: string]>): Promise<void> {
    this.count += refs.length;
    if (!this.table && this.count <= this.inMemory) {
      for (const [ref, at] of refs) this.here.set(ref, at);
      return;
    }
    if (!this.table) {
      // One table per source: a transaction may ingest several sources one after another.
      const table = `ingestion_emitted_refs_${++EmittedRefs.sequence}`;
      this.table = table;
      const all = [...this.here, ...refs];
      this.here.clear();
      this.moving = this.tx
        .$executeRawUnsafe(`CREATE TEMPORARY TABLE ${table} (ref text PRIMARY KEY, at text NOT NULL) ON COMMIT DROP`)
        .then(() => this.insert(table, all));
      return this.moving;
    }
    await this.insert(this.table, refs);
  }

  private async insert(table: string, refs: Array<[ref: string, at: string]>): Promise<void> {
    await this.tx.$executeRaw`
      INSERT INTO ${Prisma.raw(table)} (ref, at)
      SELECT * FROM unnest(${refs.map((r) => r[0])}::text[], ${refs.map((r) => r[1])}::text[])`;
  }

  /** SQL true for an entity row `e` whose ref was not emitted. */
  private async notEmitted(): Promise<Prisma.Sql> {
    if (!this.table) return Prisma.sql`NOT (e.ref = ANY(${[...this.here.keys()]}::text[]))`;
    // Temporary tables are never analysed automatically; without statistics the anti-join
    // may be planned for a handful of rows.
    await this.tx.$executeRawUnsafe(`ANALYZE ${this.table}`);
    return Prisma.sql`NOT EXISTS (SELECT 1 FROM ${Prisma.raw(this.table)} s WHERE s.ref = e.ref)`;
  }

  /**
   * After the last batch: the source's entities it did not emit are orphaned (counted and,
   * unless a dry run, marked), except those of a refused file, which says nothing about its
   * entities: they stay, showing why. Already orphaned entities are not orphaned again.
   */
  async orphanTheRest(
    orgId: string,
    sourceId: string,
    rejectedFiles: Map<string, CatalogError[]>,
    apply: boolean,
  ): Promise<{ count: number; refs: string[] }> {
    const notEmitted = await this.notEmitted();
    const refused = [...rejectedFiles.keys()];
    const unemitted = Prisma.sql`
      e."orgId" = ${orgId} AND e."sourceId" = ${sourceId} AND e."orphanedAt" IS NULL
      AND e.file <> ALL(${refused}::text[]) AND ${notEmitted}`;
    const gone = apply
      ? Prisma.sql`UPDATE "CatalogEntity" e SET "orphanedAt" = ${NOW} WHERE ${unemitted} RETURNING e.ref`
      : Prisma.sql`SELECT e.ref FROM "CatalogEntity" e WHERE ${unemitted}`;
    const [row] = await this.tx.$queryRaw<Array<{ count: number; refs: string[] }>>`
      WITH gone AS (${gone})
      SELECT (SELECT count(*)::int FROM gone) AS count,
             ARRAY(SELECT ref FROM gone ORDER BY ref LIMIT ${ORPHAN_LIST_LIMIT}) AS refs`;
    if (apply && refused.length) {
      const errors = JSON.stringify([...rejectedFiles].map(([file, errs]) => ({ file, errors: errs })));
      await this.tx.$executeRaw`
        UPDATE "CatalogEntity" e SET errors = r.errors, "orphanedAt" = NULL
        FROM jsonb_to_recordset(${errors}::jsonb) AS r(file text, errors jsonb)
        WHERE e."orgId" = ${orgId} AND e."sourceId" = ${sourceId} AND e.file = r.file AND ${notEmitted}`;
    }
    return row ?? { count: 0, refs: [] };
  }
}
