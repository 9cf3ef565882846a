import type { GitHubClient } from "./client";
import { asGraphqlError, hasResponse } from "./errors";

export type GraphqlFieldError = { type?: string; path: Array<string | number>; message: string };
export type PartialResult<T> = { data: T; errors: GraphqlFieldError[] };

/** GitHub answered GraphQL errors and no data at all. */
export class GraphqlQueryError extends Error {
  override readonly name = "GraphqlQueryError";
  constructor(readonly errors: GraphqlFieldError[]) {
    super(`GitHub GraphQL error: ${errors.map((e) => e.message).join("; ")}`);
  }
}

/**
 * A GraphQL call that keeps partial data: GitHub answers 200 with `errors` beside `data` when
 * single fields fail (a blob the token may not read, a repository that is gone), and Octokit
 * throws for any error. Field errors are returned for the caller to attribute.
 */
export async function graphqlAllowingPartial<T>(
  client: GitHubClient,
  query: string,
  variables: Record<string, unknown>,
): Promise<PartialResult<T>> {
  try {
    return { data: await client.octokit.graphql<T>(query, variables), errors: [] };
  } catch (error) {
    const gql = asGraphqlError(error);
    if (!gql) throw error;
    const errors = gql.errors.map((e) => ({ type: e.type, path: e.path ?? [], message: e.message }));
    if (!gql.data) throw new GraphqlQueryError(errors);
    return { data: gql.data as T, errors };
  }
}

/** GitHub answers 502/504 when a query runs out of time; a smaller page usually fits. */
export function isQueryTimeout(error: unknown): boolean {
  return hasResponse(error) && (error.response.status === 502 || error.response.status === 504);
}
