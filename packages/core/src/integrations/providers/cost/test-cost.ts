import type { TenantDb } from "@stagedoor/db";
import { authorize, type UserPrincipal } from "../../../authz";
import { isAppError } from "../../../errors";
import type { IntegrationDeps } from "../../deps";
import { fetchExport } from "./fetch-export";
import { readFocusFiles } from "./focus-reader";
import type { CostCredentials, CostSource } from "./settings";
import { DEFAULT_ALLOCATION_RULES } from "./allocation";

export type TestCostInput = { source: CostSource; credentials: CostCredentials };
export type TestCostResult =
  | {
      ok: true;
      files: string[];
      rows: number;
      rowsRejected: number;
      currencies: string[];
      firstDay: string | null;
      lastDay: string | null;
    }
  | { ok: false; problem: string };

/**
 * "Test connection" for a cost export: fetches it and reads it as an import would, writing
 * nothing, so the form shows the files, rows and period found, or the exact problem.
 */
export async function testCostExport(
  _db: TenantDb,
  actor: UserPrincipal,
  deps: IntegrationDeps,
  input: TestCostInput,
): Promise<TestCostResult> {
  authorize(actor, "integrations.manage");
  try {
    const fetched = await fetchExport(input.source, input.credentials, {
      allowPrivateNetworks: deps.allowPrivateNetworks,
    });
    try {
      const result = await readFocusFiles(fetched.files, DEFAULT_ALLOCATION_RULES);
      return {
        ok: true,
        files: fetched.files.map((f) => f.name),
        rows: result.rowsRead,
        rowsRejected: result.rowsRejected,
        currencies: result.currencies,
        firstDay: result.firstDay,
        lastDay: result.lastDay,
      };
    } finally {
      await fetched.cleanup();
    }
  } catch (error) {
    if (isAppError(error)) return { ok: false, problem: error.message };
    throw error;
  }
}
