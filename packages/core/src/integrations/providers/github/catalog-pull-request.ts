import { parseCatalogFile } from "@stagedoor/catalog";
import { CODEOWNERS_PATHS, fetchLocationTargets, inferRepositoryOwner, type GitHubClient } from "@stagedoor/connectors";
import type { TenantDb } from "@stagedoor/db";
import { stringify } from "yaml";
import { recordAudit } from "../../../audit/record-audit";
import { auditIdentity, authorize, type Principal } from "../../../authz";
import { AppError } from "../../../errors";
import { MAX_PROPOSED_CATALOG_FILE_BYTES } from "../../../limits";
import type { IntegrationDeps } from "../../deps";
import { toEntityName } from "./generated-component";
import { repositoryTarget, type RepositoryTarget as Target } from "./repository-target";

/** The branch the pull request comes from, like Backstage's `backstage-integration`. */
export const CATALOG_PR_BRANCH = "stagedoor-catalog-info";

export type CatalogFileProposal = {
  kind: "proposal";
  integrationId: string;
  /** owner/name */
  repository: string;
  repositoryUrl: string;
  defaultBranch: string;
  /** Where the file goes: the integration's first catalog path, so its sync finds the file. */
  path: string;
  branch: string;
  /** The generated catalog-info.yaml, for the person to check and edit. */
  content: string;
  owner: { ref: string; source: "codeowners" | "organization" };
  /** The file's URL on the default branch once merged. */
  fileUrl: string;
  /** True when the integration's sync covers the repository and so imports the file after the merge. */
  pickedUpBySync: boolean;
};

/** The repository already has the file: register it by URL instead. */
export type ExistingCatalogFile = { kind: "exists"; integrationId: string; repository: string; fileUrl: string };

export type OpenedCatalogPullRequest = CatalogFileProposal & { pullRequest: { number: number; url: string } };

/**
 * Backstage's catalog import for a repository without a catalog file: propose a
 * catalog-info.yaml (name from the repository, owner from CODEOWNERS or the organization's
 * group, the project-slug annotation), which the person may edit before it is sent.
 */
export async function proposeCatalogFile(
  db: TenantDb,
  deps: IntegrationDeps,
  by: Principal,
  input: { url: string; integrationId?: string },
): Promise<CatalogFileProposal | ExistingCatalogFile> {
  authorize(by, "catalog.import");
  return proposalFor(await repositoryTarget(db, deps, input));
}

async function proposalFor(target: Target): Promise<CatalogFileProposal | ExistingCatalogFile> {
  const { integration, client, owner, repo } = target;
  const repository = await readRepository(client, owner, repo);
  const path = integration.config.catalogPaths[0] ?? "catalog-info.yaml";
  const web = client.endpoints.webBaseUrl;
  const blob = (p: string) => `${web}/${repository.full_name}/blob/${repository.default_branch}/${p}`;
  const [catalog, ...codeowners] = await fetchLocationTargets(client, [blob(path), ...CODEOWNERS_PATHS.map(blob)]);
  if (catalog?.status === "ok") {
    return { kind: "exists", integrationId: integration.row.id, repository: repository.full_name, fileUrl: blob(path) };
  }
  if (catalog && catalog.reason !== "not-found") {
    throw new AppError("BAD_REQUEST", `${blob(path)} could not be read: ${catalog.message}`);
  }
  const codeownersText = codeowners.find((c) => c.status === "ok");
  const inferred = inferRepositoryOwner(
    { codeowners: codeownersText?.status === "ok" ? codeownersText.text : null },
    { org: integration.config.owner },
  );
  const suggested = inferred
    ? { ref: inferred.ref, source: "codeowners" as const }
    : {
        ref: `group:default/${toEntityName(integration.config.owner.toLowerCase()) ?? "unowned"}`,
        source: "organization" as const,
      };
  const name = toEntityName(repository.name);
  if (!name) throw new AppError("BAD_REQUEST", `${repository.full_name} has no name a catalog entity can take.`);
  const entity = {
    apiVersion: "backstage.io/v1alpha1",
    kind: "Component",
    metadata: {
      name,
      ...(repository.description ? { description: repository.description.slice(0, 1000) } : {}),
      annotations: { "github.com/project-slug": repository.full_name },
    },
    spec: { type: "service", lifecycle: "unknown", owner: suggested.ref },
  };
  return {
    kind: "proposal",
    integrationId: integration.row.id,
    repository: repository.full_name,
    repositoryUrl: repository.html_url,
    defaultBranch: repository.default_branch,
    path,
    branch: CATALOG_PR_BRANCH,
    content: stringify(entity),
    owner: suggested,
    fileUrl: blob(path),
    pickedUpBySync: owner.toLowerCase() === integration.config.owner.toLowerCase(),
  };
}

/**
 * Opens the pull request with the GitHub integration's credentials: a branch from the
 * default branch's head, the (possibly edited) file committed on it, and the pull request.
 * The file is checked as a catalog file first, so what gets merged imports cleanly.
 */
export async function openCatalogPullRequest(
  db: TenantDb,
  deps: IntegrationDeps,
  by: Principal,
  input: { url: string; integrationId: string; content: string },
): Promise<OpenedCatalogPullRequest> {
  authorize(by, "catalog.import");
  const target = await repositoryTarget(db, deps, input);
  const proposal = await proposalFor(target);
  if (proposal.kind === "exists") {
    throw new AppError("CONFLICT", `${proposal.repository} already has a catalog file: register ${proposal.fileUrl}.`);
  }
  const content = checkedContent(input.content, proposal.path);
  const { client, owner, repo } = target;
  const where = proposal.repository;
  const base = await writeStep(where, "read the default branch", () =>
    client.octokit.rest.git.getRef({ owner, repo, ref: `heads/${proposal.defaultBranch}` }),
  );
  await writeStep(where, "create the branch", () =>
    client.octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/${proposal.branch}`, sha: base.data.object.sha }),
  );
  await writeStep(where, `commit ${proposal.path}`, () =>
    client.octokit.rest.repos.createOrUpdateFileContents({
      owner,
      repo,
      path: proposal.path,
      branch: proposal.branch,
      message: `Add ${proposal.path} for the software catalog`,
      content: Buffer.from(content, "utf8").toString("base64"),
    }),
  );
  const pull = await writeStep(where, "open the pull request", () =>
    client.octokit.rest.pulls.create({
      owner,
      repo,
      head: proposal.branch,
      base: proposal.defaultBranch,
      title: `Add ${proposal.path}`,
      body: pullRequestBody(proposal),
    }),
  );
  await db.transaction((tx) => {
    const who = auditIdentity(by);
    return recordAudit(tx, {
      orgId: db.orgId,
      actor: who.actor,
      action: "catalog.pull_request_opened",
      target: `${where}#${pull.data.number}`,
      data: { ...who.data, url: pull.data.html_url, path: proposal.path },
    });
  });
  return { ...proposal, content, pullRequest: { number: pull.data.number, url: pull.data.html_url } };
}

function pullRequestBody(p: CatalogFileProposal): string {
  return [
    `This pull request adds \`${p.path}\`, the file that describes this repository in the software catalog ` +
      "(Backstage's descriptor format).",
    "",
    `Check the owner (\`${p.owner.ref}\`), type and lifecycle before merging. ` +
      (p.pickedUpBySync
        ? "Once it is merged, the next GitHub sync adds the component to the catalog."
        : `Once it is merged, register ${p.fileUrl} in the catalog.`),
  ].join("\n");
}

function checkedContent(content: string, path: string): string {
  if (Buffer.byteLength(content, "utf8") > MAX_PROPOSED_CATALOG_FILE_BYTES) {
    throw new AppError("PAYLOAD_TOO_LARGE", `${path} may be at most ${MAX_PROPOSED_CATALOG_FILE_BYTES / 1024} KB.`);
  }
  const parsed = parseCatalogFile(content, { file: path });
  const errors = [...parsed.errors, ...parsed.documents.flatMap((d) => d.errors)];
  if (parsed.documents.length === 0 && errors.length === 0) {
    throw new AppError("BAD_REQUEST", `${path} holds no entity.`, { content: "Describe at least one entity." });
  }
  if (errors.length) {
    const first = errors.slice(0, 3).map((e) => e.message);
    throw new AppError("BAD_REQUEST", `The file would not import: ${first.join("; ")}`, { content: first[0] ?? "" });
  }
  return content.endsWith("\n") ? content : `${content}\n`;
}

type ResponseError = Error & { status?: number; response?: { data?: { message?: unknown; errors?: unknown } } };

/** One GitHub write, with its refusals in words: what failed, why, and what to do. */
async function writeStep<R>(repository: string, what: string, call: () => Promise<R>): Promise<R> {
  try {
    return await call();
  } catch (error) {
    const e = error as ResponseError;
    const said = typeof e.response?.data?.message === "string" ? e.response.data.message : e.message;
    const detail = Array.isArray(e.response?.data?.errors)
      ? (e.response.data.errors as Array<{ message?: string }>)
          .map((x) => x.message)
          .filter(Boolean)
          .join("; ")
      : "";
    if (e.status === 403 || e.status === 404) {
      throw new AppError(
        "PRECONDITION_FAILED",
        `The GitHub integration may not ${what} in ${repository} (GitHub answered ${e.status}: ${said}). ` +
          "Give it read and write access to Contents and Pull requests for this repository, or add the file yourself.",
      );
    }
    if (e.status === 422 && /reference already exists/i.test(said)) {
      throw new AppError(
        "CONFLICT",
        `The branch ${CATALOG_PR_BRANCH} already exists in ${repository}: an earlier pull request may be open. ` +
          "Merge or close it and delete the branch, then try again.",
      );
    }
    if (e.status === 422) {
      throw new AppError("CONFLICT", `GitHub refused to ${what} in ${repository}: ${detail || said}`);
    }
    throw error;
  }
}

async function readRepository(client: GitHubClient, owner: string, repo: string) {
  try {
    const { data } = await client.octokit.rest.repos.get({ owner, repo });
    if (data.archived)
      throw new AppError("BAD_REQUEST", `${data.full_name} is archived: it cannot take a pull request.`);
    return data;
  } catch (error) {
    const status = (error as ResponseError).status;
    if (status === 404 || status === 403) {
      throw new AppError(
        "NOT_FOUND",
        `${owner}/${repo} was not found, or the GitHub integration cannot see it (GitHub answered ${status}).`,
      );
    }
    throw error;
  }
}
