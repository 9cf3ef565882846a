/** Narrowing helpers for untrusted JSON (webhook payloads): a wrong type reads as absent. */
export type Payload = Record<string, unknown>;
export const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
export const obj = (v: unknown): Payload | undefined =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Payload) : undefined;
