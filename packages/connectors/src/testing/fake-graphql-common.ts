import type { Principal } from "./fake-auth";
import type { Urls } from "./fake-shapes";
import type { FakeOrgState } from "./fake-state";

export type GraphqlContext = {
  principal: Principal;
  state: FakeOrgState;
  urls: Urls;
  blobTextLimitBytes: number;
  rateLimit: () => { limit: number; remaining: number; resetAt: number };
};

export type GraphqlError = {
  type?: string;
  path?: Array<string | number>;
  message: string;
  locations?: Array<{ line: number; column: number }>;
};

export const PAGE_MAX = 100;

export function rateLimitField(ctx: GraphqlContext) {
  const r = ctx.rateLimit();
  // Only the fields Stagedoor's queries select: GitHub answers nothing else.
  return { cost: 1, remaining: r.remaining, resetAt: new Date(r.resetAt).toISOString() };
}

export function encodeCursor(key: string): string {
  return Buffer.from(`cursor:v2:${key}`).toString("base64");
}

export function decodeCursor(cursor: unknown): string | null {
  if (typeof cursor !== "string" || !cursor) return null;
  return Buffer.from(cursor, "base64")
    .toString("utf8")
    .replace(/^cursor:v2:/, "");
}
