export type CodeownersRule = { pattern: string; owners: string[]; line: number };
export type CodeownersProblem = { line: number; message: string };

/**
 * Parses a CODEOWNERS file: `pattern owner...` per line, `#` comments, `\ ` and `\#` escapes.
 * Lines GitHub would reject are reported rather than guessed at.
 */
export function parseCodeowners(text: string): { rules: CodeownersRule[]; problems: CodeownersProblem[] } {
  const rules: CodeownersRule[] = [];
  const problems: CodeownersProblem[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const tokens = tokenize(raw);
    if (tokens.length === 0) return;
    const [pattern, ...owners] = tokens as [string, ...string[]];
    if (pattern.startsWith("[")) {
      problems.push({ line, message: "Sections are a GitLab feature; GitHub ignores this line." });
      return;
    }
    const invalid = owners.filter((o) => !isOwner(o));
    if (invalid.length > 0)
      problems.push({
        line,
        message: `Not an owner: ${invalid.join(", ")} (expected @user, @org/team or an email address).`,
      });
    rules.push({ pattern, owners: owners.filter(isOwner), line });
  });
  return { rules, problems };
}

function tokenize(line: string): string[] {
  const tokens: string[] = [];
  let current = "";
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (ch === "\\" && i + 1 < line.length) {
      current += line[++i];
      continue;
    }
    if (ch === "#") break;
    if (ch === " " || ch === "\t") {
      if (current) tokens.push(current);
      current = "";
      continue;
    }
    current += ch;
  }
  if (current) tokens.push(current);
  return tokens;
}

function isOwner(token: string): boolean {
  return (
    /^@[A-Za-z0-9](?:[A-Za-z0-9-]*)(?:\/[A-Za-z0-9_.-]+)?$/.test(token) || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(token)
  );
}

export type OwnerRefOptions = { namespace?: string; /** Only teams of this organisation count. */ org?: string };

/** `@org/team` → group:default/team, `@user` → user:default/user; emails cannot be mapped. */
export function codeownerToEntityRef(owner: string, options: OwnerRefOptions = {}): string | null {
  const namespace = options.namespace ?? "default";
  const team = /^@([^/]+)\/(.+)$/.exec(owner);
  if (team) {
    if (options.org && team[1]?.toLowerCase() !== options.org.toLowerCase()) return null;
    return `group:${namespace}/${(team[2] as string).toLowerCase()}`;
  }
  const user = /^@([A-Za-z0-9-]+)$/.exec(owner);
  return user ? `user:${namespace}/${user[1]}` : null;
}

// Patterns that cover every file of the repository, i.e. its owner as a whole.
const ROOT_PATTERNS = new Set(["*", "/*", "**", "/**", "/", "/**/*", "**/*"]);

export type InferredOwner = { ref: string; source: "codeowners" | "top-team"; detail: string };

/**
 * The owner of the repository as a whole: the first mappable owner of the last rule that
 * covers everything (`*`), since in CODEOWNERS the last matching rule wins.
 */
export function ownerFromCodeowners(text: string, options: OwnerRefOptions = {}): InferredOwner | null {
  const { rules } = parseCodeowners(text);
  for (let i = rules.length - 1; i >= 0; i--) {
    const rule = rules[i] as CodeownersRule;
    if (!ROOT_PATTERNS.has(rule.pattern)) continue;
    // A later `*` with no owners un-assigns ownership, so earlier rules no longer apply.
    if (rule.owners.length === 0) return null;
    for (const owner of rule.owners) {
      const ref = codeownerToEntityRef(owner, options);
      if (ref) return { ref, source: "codeowners", detail: `CODEOWNERS line ${rule.line}: ${rule.pattern} ${owner}` };
    }
    return null;
  }
  return null;
}

export type RepositoryPermission = "admin" | "maintain" | "push" | "triage" | "pull";
export type TeamAccess = {
  slug: string;
  permission: RepositoryPermission | "ADMIN" | "MAINTAIN" | "WRITE" | "TRIAGE" | "READ";
};

const RANK: Record<string, number> = { admin: 5, maintain: 4, push: 3, write: 3, triage: 2, pull: 1, read: 1 };

/** The team with the strongest permission on the repository (ties: alphabetical, so the answer is stable). */
export function pickTopTeam(teams: readonly TeamAccess[]): TeamAccess | null {
  let best: TeamAccess | null = null;
  for (const team of teams) {
    const rank = RANK[team.permission.toLowerCase()] ?? 0;
    const bestRank = best ? (RANK[best.permission.toLowerCase()] ?? 0) : -1;
    if (rank > bestRank || (rank === bestRank && best && team.slug < best.slug)) best = team;
  }
  return best;
}

/** CODEOWNERS first, the top team as a fallback, or nothing. */
export function inferRepositoryOwner(
  input: { codeowners?: string | null; teams?: readonly TeamAccess[] },
  options: OwnerRefOptions = {},
): InferredOwner | null {
  if (input.codeowners) {
    const fromFile = ownerFromCodeowners(input.codeowners, options);
    if (fromFile) return fromFile;
  }
  const top = pickTopTeam(input.teams ?? []);
  if (!top) return null;
  return {
    ref: `group:${options.namespace ?? "default"}/${top.slug}`,
    source: "top-team",
    detail: `${top.slug} has ${top.permission.toLowerCase()} access`,
  };
}
