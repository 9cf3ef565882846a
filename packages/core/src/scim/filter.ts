import { scimError } from "./scim-errors";

/** One `attribute eq "value"` comparison; a filter is a conjunction of them. */
export type ScimComparison = { attribute: string; value: string };

// Values in double quotes as RFC 7644 says, or single quotes as some clients send them.
const COMPARISON =
  /^\s*([A-Za-z][\w.:-]*)\s+eq\s+("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|true|false|null|-?\d+(?:\.\d+)?)\s*/i;

/**
 * Parses the filters identity providers send when they look a resource up before creating
 * it (Okta: `userName eq "a@b.c"`, Entra ID: `externalId eq "…"`, `displayName eq "…"`),
 * joined with `and`. Anything else is refused with `invalidFilter` rather than ignored:
 * a filter silently widened to "everything" would make the provider think a user exists.
 * `allowed` lists the attributes (lowercase, without schema URN) the resource filters on.
 */
export function parseScimFilter(filter: string, allowed: readonly string[]): ScimComparison[] {
  const out: ScimComparison[] = [];
  let rest = filter;
  for (;;) {
    const match = COMPARISON.exec(rest);
    if (!match) {
      throw scimError(
        "BAD_REQUEST",
        "invalidFilter",
        `Unsupported filter "${filter}": use attribute eq "value", joined with and.`,
      );
    }
    const attribute = stripCoreUrn(match[1]!).toLowerCase();
    if (!allowed.includes(attribute)) {
      throw scimError(
        "BAD_REQUEST",
        "invalidFilter",
        `Filtering on ${match[1]} is not supported (only ${allowed.join(", ")}).`,
      );
    }
    const raw = match[2]!;
    const value = raw.startsWith('"')
      ? (JSON.parse(raw) as string)
      : raw.startsWith("'")
        ? raw.slice(1, -1).replace(/\\(.)/g, "$1")
        : raw;
    out.push({ attribute, value });
    rest = rest.slice(match[0].length);
    if (rest.trim() === "") return out;
    const and = /^and\s+/i.exec(rest);
    if (!and) {
      throw scimError("BAD_REQUEST", "invalidFilter", `Unsupported filter "${filter}": only "and" joins comparisons.`);
    }
    rest = rest.slice(and[0].length);
  }
}

/** `urn:ietf:params:scim:schemas:core:2.0:User:userName` → `userName`. */
export function stripCoreUrn(attribute: string): string {
  const m = /^urn:ietf:params:scim:schemas:core:2\.0:(?:User|Group):(.+)$/i.exec(attribute);
  return m ? m[1]! : attribute;
}
