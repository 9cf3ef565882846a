/**
 * Relations in words, as Backstage's About and relations cards read them. The key is the
 * relation from this entity to the other ("ownedBy" on a component: "Owned by" its group).
 */
const WORDS: Record<string, string> = {
  ownedBy: "Owned by",
  ownerOf: "Owner of",
  providesApi: "Provides API",
  apiProvidedBy: "API provided by",
  consumesApi: "Consumes API",
  apiConsumedBy: "API consumed by",
  dependsOn: "Depends on",
  dependencyOf: "Dependency of",
  parentOf: "Parent of",
  childOf: "Child of",
  memberOf: "Member of",
  hasMember: "Has member",
  partOf: "Part of",
  hasPart: "Has part",
};

/** The order the Relations card lists groups in: who owns it and where it belongs first. */
export const RELATION_ORDER = Object.keys(WORDS);

export function relationWords(type: string): string {
  if (WORDS[type]) return WORDS[type];
  // Custom relations (camelCase) read as words too: "runsOn" → "Runs on".
  const spaced = type.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** Edge labels in the graph, which always points the forward way: "owned by", "provides API". */
export function edgeWords(type: string): string {
  const words = relationWords(type);
  return words.replace(/^(\w)/, (c) => c.toLowerCase()).replace(/\bapi\b/i, "API");
}
