/**
 * Catalog source keys of a GitHub integration. A repository's source is keyed by GitHub's
 * numeric repository id, which survives renames and transfers: a renamed repository keeps
 * its source (and so its entities, relations and history) instead of looking like one
 * repository deleted and another created. The name is only used for links and messages.
 */
export const sourcePrefix = (integrationId: string) => `${integrationId}/`;
export const repositorySourcePrefix = (integrationId: string) => `${integrationId}/repo/`;
export const repositorySourceKey = (integrationId: string, repositoryId: number) =>
  `${integrationId}/repo/${repositoryId}`;
export const teamsSourceKey = (integrationId: string) => `${integrationId}/teams`;

export function repositoryIdOfKey(integrationId: string, key: string): number | null {
  const prefix = repositorySourcePrefix(integrationId);
  if (!key.startsWith(prefix)) return null;
  const id = Number(key.slice(prefix.length));
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}
