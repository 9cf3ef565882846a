import type { FakeResponse } from "./fake-rest";

/**
 * A test-only control API, for a fake running beside another process (a Playwright run, the
 * benchmark) that must change repositories mid-test or read the request log. Control requests
 * are not GitHub requests: they are neither logged nor rate limited.
 *
 *   POST /_fake/mutate   {"op": "setFile", "args": ["repo", "catalog-info.yaml", "kind: ..."]}
 *   GET  /_fake/requests the request log
 *   POST /_fake/reset-log
 */
const OPERATIONS = [
  "setFile",
  "createRepository",
  "renameRepository",
  "deleteRepository",
  "setArchived",
  "addWorkflowRun",
  "addTeam",
] as const;
type Operation = (typeof OPERATIONS)[number];

// What the control API needs of the fake, stated here rather than imported from
// fake-github.ts, which imports this module (no import cycle).
type Controllable = {
  readonly requestCount: number;
  readonly requests: readonly unknown[];
  clearRequests(): void;
} & Record<Operation, (...args: never[]) => unknown>;

export function handleControl(fake: Controllable, method: string, path: string, body: string): FakeResponse {
  if (method === "GET" && path === "/_fake/requests")
    return { status: 200, body: { count: fake.requestCount, requests: fake.requests } };
  if (method === "POST" && path === "/_fake/reset-log") {
    fake.clearRequests();
    return { status: 204 };
  }
  if (method === "POST" && path === "/_fake/mutate") {
    let input: { op?: unknown; args?: unknown };
    try {
      input = JSON.parse(body) as typeof input;
    } catch {
      return { status: 400, body: { message: "body must be JSON {op, args}" } };
    }
    if (!OPERATIONS.includes(input.op as Operation) || !Array.isArray(input.args)) {
      return { status: 400, body: { message: `op must be one of ${OPERATIONS.join(", ")}, args an array` } };
    }
    try {
      const run = fake[input.op as Operation] as (...args: unknown[]) => unknown;
      run.apply(fake, input.args);
      return { status: 204 };
    } catch (error) {
      return { status: 409, body: { message: (error as Error).message } };
    }
  }
  return { status: 404, body: { message: "unknown fake control route" } };
}
