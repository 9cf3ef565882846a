// Browser-safe: the token form in the UI lists these.
export const API_SCOPES = ["catalog:read", "catalog:write"] as const;

// What each scope allows is in the permission table (authz/permissions.ts).
export type ApiScope = (typeof API_SCOPES)[number];

export const isApiScope = (value: string): value is ApiScope => (API_SCOPES as readonly string[]).includes(value);
