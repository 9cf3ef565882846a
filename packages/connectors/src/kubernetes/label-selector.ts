/**
 * Kubernetes label selectors (the `labelSelector` query parameter): parsed for the fake API
 * server, and built for list calls. Equality (`k=v`, `k==v`, `k!=v`), sets (`k in (a,b)`,
 * `k notin (a,b)`) and existence (`k`, `!k`), joined by commas meaning AND.
 */
export type Requirement =
  | { key: string; op: "=" | "!="; value: string }
  | { key: string; op: "in" | "notin"; values: string[] }
  | { key: string; op: "exists" | "!exists" };

export function parseLabelSelector(selector: string): Requirement[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of selector) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  if (current.trim()) parts.push(current);
  return parts.map((raw) => {
    const part = raw.trim();
    const set = /^([^\s!=]+)\s+(in|notin)\s+\((.*)\)$/.exec(part);
    if (set) {
      const values = (set[3] as string)
        .split(",")
        .map((v) => v.trim())
        .filter(Boolean);
      return { key: set[1] as string, op: set[2] as "in" | "notin", values };
    }
    const eq = /^([^\s!=]+)\s*(==|=|!=)\s*(\S*)$/.exec(part);
    if (eq) return { key: eq[1] as string, op: eq[2] === "!=" ? "!=" : "=", value: eq[3] as string };
    if (part.startsWith("!")) return { key: part.slice(1).trim(), op: "!exists" };
    if (/^[^\s!=(),]+$/.test(part)) return { key: part, op: "exists" };
    throw new Error(`unable to parse requirement: ${part}`);
  });
}

export function matchesSelector(labels: Record<string, string> | undefined, requirements: Requirement[]): boolean {
  const l = labels ?? {};
  return requirements.every((r) => {
    const has = Object.hasOwn(l, r.key);
    switch (r.op) {
      case "=":
        return has && l[r.key] === r.value;
      case "!=":
        return !has || l[r.key] !== r.value;
      case "in":
        return has && r.values.includes(l[r.key] as string);
      case "notin":
        return !has || !r.values.includes(l[r.key] as string);
      case "exists":
        return has;
      case "!exists":
        return !has;
    }
  });
}

/** `key in (a,b,c)`: one list call for many entities' ids. */
export const inSelector = (key: string, values: readonly string[]) => `${key} in (${values.join(",")})`;
