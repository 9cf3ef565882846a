// Browser-safe: the token form in the UI lists these.
export const API_SCOPES = ["catalog:read", "catalog:write"] as const;

export type ApiScope = (typeof API_SCOPES)[number];

export const isApiScope = (value: string): value is ApiScope => (API_SCOPES as readonly string[]).includes(value);

/** Write implies read: a token that may push entities may also read what it pushed. */
export function hasScope(granted: readonly ApiScope[], needed: ApiScope): boolean {
  return granted.includes(needed) || (needed === "catalog:read" && granted.includes("catalog:write"));
}
