/** The fields two discoveries are compared by; DiscoveredRepository has them all. */
export type RepositoryIdentity = { id: string; nameWithOwner: string; isArchived: boolean };

export type RepositoryChanges<P extends RepositoryIdentity, T extends RepositoryIdentity> = {
  added: T[];
  /** Gone from the listing: deleted, made invisible to the connection, or transferred away. */
  removed: P[];
  /** Same node id under a new name (renamed, or transferred within the listing). */
  renamed: Array<{ from: string; to: string; repository: T }>;
  archived: T[];
  unarchived: T[];
};

/**
 * What changed between two discoveries. Repositories are matched by GraphQL node id, which
 * survives renames, so a rename is not mistaken for a deletion plus a creation.
 */
export function compareDiscoveries<P extends RepositoryIdentity, T extends RepositoryIdentity>(
  previous: readonly P[],
  current: readonly T[],
): RepositoryChanges<P, T> {
  const before = new Map(previous.map((r) => [r.id, r]));
  const changes: RepositoryChanges<P, T> = { added: [], removed: [], renamed: [], archived: [], unarchived: [] };
  const seen = new Set<string>();
  for (const repo of current) {
    seen.add(repo.id);
    const old = before.get(repo.id);
    if (!old) {
      changes.added.push(repo);
      continue;
    }
    if (old.nameWithOwner !== repo.nameWithOwner)
      changes.renamed.push({ from: old.nameWithOwner, to: repo.nameWithOwner, repository: repo });
    if (!old.isArchived && repo.isArchived) changes.archived.push(repo);
    if (old.isArchived && !repo.isArchived) changes.unarchived.push(repo);
  }
  for (const old of previous) if (!seen.has(old.id)) changes.removed.push(old);
  return changes;
}
