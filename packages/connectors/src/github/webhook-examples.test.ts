import { createHmac, randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { receiveWebhook, type ReceivedDelivery } from "./receive-webhook";
import type { GitHubSyncEvent } from "./webhooks";

// GitHub's published example payloads (@octokit/webhooks-examples), sent through the receiver
// exactly as GitHub delivers them: raw JSON body, signed with the webhook secret.
type Example = Record<string, unknown> & { action?: string };
type Definition = { name: string; examples: Example[] };
const require = createRequire(import.meta.url);
// github.com's examples, and those of the newest GitHub Enterprise Server release they cover. The
// actions each set holds are spelled out so no loop below runs over nothing unnoticed.
type Source = {
  definitions: Definition[];
  actions: Record<string, string[]>;
  /** Push examples to the default branch that touch files (the others are tags, deletions, other branches). */
  pushesToDefaultBranch: number;
};
const SOURCES: Array<[string, Source]> = [
  [
    "github.com",
    {
      definitions: require("@octokit/webhooks-examples") as Definition[],
      actions: {
        repository: [
          "created",
          "created",
          "edited",
          "edited",
          "privatized",
          "privatized",
          "publicized",
          "publicized",
          "publicized",
          "renamed",
          "transferred",
          "transferred",
          "transferred",
        ],
        installation_repositories: ["added", "added", "removed"],
        team: ["added_to_repository", "added_to_repository", "created", "deleted", "edited", "removed_from_repository"],
        membership: ["added", "removed", "removed", "removed", "removed"],
        organization: ["member_added", "member_added", "member_added", "member_invited", "renamed"],
        workflow_run: ["completed", "completed", "completed", "requested", "requested"],
      },
      pushesToDefaultBranch: 2,
    },
  ],
  [
    "GHES 3.5",
    {
      definitions: require("@octokit/webhooks-examples/ghes-35/index.json") as Definition[],
      actions: {
        repository: ["created", "deleted", "privatized", "publicized", "publicized"],
        installation_repositories: ["added", "added", "removed"],
        team: ["added_to_repository", "added_to_repository", "added_to_repository", "created", "deleted", "edited"],
        membership: ["added", "removed", "removed"],
        organization: ["member_added", "member_added", "member_removed"],
        workflow_run: ["completed"],
      },
      pushesToDefaultBranch: 0,
    },
  ],
];

const SECRET = "It's a Secret to Everybody";
const HANDLED = [
  "push",
  "repository",
  "installation_repositories",
  "team",
  "membership",
  "organization",
  "workflow_run",
];

function deliver(eventName: string, payload: Example, catalogPaths?: string[]): ReceivedDelivery {
  const body = JSON.stringify(payload);
  const result = receiveWebhook({
    headers: {
      "content-type": "application/json",
      "x-github-event": eventName,
      "x-github-delivery": randomUUID(),
      "x-github-hook-id": "292430182",
      "x-hub-signature-256": `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`,
    },
    rawBody: Buffer.from(body),
    secrets: SECRET,
    ...(catalogPaths ? { catalogPaths } : {}),
  });
  if (!result.ok) throw new Error(`${eventName} ${payload.action ?? ""}: ${result.code} ${result.message}`);
  return result.delivery;
}

/** The event a delivery was turned into, or the reason it was ignored. */
function eventOf(delivery: ReceivedDelivery): GitHubSyncEvent | string {
  return delivery.classification.handled ? delivery.classification.event : delivery.classification.reason;
}

const at = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((v, key) => (v as Record<string, unknown> | null | undefined)?.[key], value);
const repositoryOf = (payload: unknown, key = "repository") => ({
  id: at(payload, key, "id"),
  nodeId: at(payload, key, "node_id"),
  fullName: at(payload, key, "full_name"),
});

describe.each(SOURCES)(
  "GitHub's published webhook examples (%s)",
  (_name, { definitions, actions, pushesToDefaultBranch }) => {
    const examplesOf = (name: string): Example[] => definitions.find((d) => d.name === name)?.examples ?? [];
    const actionsOf = (name: string) => examplesOf(name).map((e) => e.action ?? "");

    it("are there for every event the sync handles", () => {
      expect(HANDLED.map((name) => [name, examplesOf(name).length > 0])).toEqual(HANDLED.map((name) => [name, true]));
    });

    it("every example of every event is received: signature, headers, action and installation read", () => {
      const all = definitions.flatMap((d) => d.examples.map((example) => ({ name: d.name, example })));
      expect(all.length).toBeGreaterThan(100);
      for (const { name, example } of all) {
        const delivery = deliver(name, example);
        expect({ name, action: delivery.action, installationId: delivery.installationId }).toEqual({
          name,
          action: example.action ?? null,
          installationId: (at(example, "installation", "id") as number | undefined) ?? null,
        });
        if (!HANDLED.includes(name)) expect(delivery.classification).toMatchObject({ handled: false });
      }
    });

    it("push: pushes to the default branch that touch a watched file become catalog pushes", () => {
      const examples = examplesOf("push");
      expect(examples.length).toBeGreaterThan(0);
      let toDefaultBranch = 0;
      for (const push of examples) {
        const commits = (push.commits as Array<Record<string, string[]>>) ?? [];
        const touched = [...new Set(commits.flatMap((c) => [...c.added!, ...c.modified!, ...c.removed!]))].sort();
        const event = eventOf(deliver("push", push, touched.length ? touched : undefined));
        const defaultRef = `refs/heads/${at(push, "repository", "default_branch")}`;
        if (push.ref !== defaultRef || push.deleted === true || touched.length === 0) {
          expect(typeof event).toBe("string");
          continue;
        }
        toDefaultBranch++;
        expect(event).toEqual({
          kind: "catalog-push",
          repository: repositoryOf(push),
          branch: at(push, "repository", "default_branch"),
          before: push.before,
          after: push.after,
          changedPaths: touched,
          removedPaths: [],
          codeownersChanged: false,
          complete: push.forced !== true,
        });
        // The same push touches no file of the default catalog path set.
        expect(eventOf(deliver("push", push))).toBe("push to the default branch touched no catalog file.");
      }
      expect(toDefaultBranch).toBe(pushesToDefaultBranch);
    });

    it("repository: lifecycle, rename, transfer and default-branch changes; visibility changes are ignored", () => {
      const examples = examplesOf("repository");
      expect(actionsOf("repository").sort()).toEqual(actions.repository);
      for (const example of examples) {
        const event = eventOf(deliver("repository", example));
        const repository = repositoryOf(example);
        const owner = at(example, "repository", "owner", "login");
        const name = at(example, "repository", "name");
        switch (example.action) {
          case "created":
          case "deleted":
          case "archived":
          case "unarchived":
            expect(event).toEqual({ kind: "repository", action: example.action, repository });
            break;
          case "renamed":
            expect(event).toEqual({
              kind: "repository",
              action: "renamed",
              repository,
              previousFullName: `${owner}/${at(example, "changes", "repository", "name", "from")}`,
            });
            break;
          case "transferred": {
            const from = at(example, "changes", "owner", "from");
            const previousOwner = at(from, "organization", "login") ?? at(from, "user", "login");
            expect(previousOwner).toEqual(expect.any(String));
            expect(event).toEqual({
              kind: "repository",
              action: "transferred",
              repository,
              previousFullName: `${previousOwner}/${name}`,
            });
            break;
          }
          case "edited": {
            const previous = at(example, "changes", "default_branch", "from");
            expect(event).toEqual(
              previous === undefined
                ? "repository edited without a default branch change."
                : { kind: "repository", action: "default-branch-changed", repository, previousDefaultBranch: previous },
            );
            break;
          }
          default:
            expect(event).toBe(`repository ${example.action} does not affect the catalog.`);
        }
      }
    });

    it("installation_repositories: added and removed repositories", () => {
      const examples = examplesOf("installation_repositories");
      expect(actionsOf("installation_repositories").sort()).toEqual(actions.installation_repositories);
      for (const example of examples) {
        const list = (key: string) =>
          (example[key] as unknown[]).map((r) => ({
            id: at(r, "id"),
            nodeId: at(r, "node_id"),
            fullName: at(r, "full_name"),
          }));
        const event = eventOf(deliver("installation_repositories", example));
        expect(event).toEqual({
          kind: "installation-repositories",
          added: list("repositories_added"),
          removed: list("repositories_removed"),
        });
        expect(list(`repositories_${example.action}`)).toHaveLength(1);
      }
    });

    it("team: created, deleted and edited change groups; repository access changes are ignored", () => {
      const examples = examplesOf("team");
      expect(actionsOf("team").sort()).toEqual(actions.team);
      for (const example of examples) {
        const event = eventOf(deliver("team", example));
        if (example.action === "created" || example.action === "deleted" || example.action === "edited") {
          const previousName = at(example, "changes", "name", "from");
          expect(event).toEqual({
            kind: "team",
            action: example.action,
            org: at(example, "organization", "login"),
            team: {
              slug: at(example, "team", "slug"),
              name: at(example, "team", "name"),
              parentSlug: (at(example, "team", "parent", "slug") as string | undefined) ?? null,
            },
            ...(previousName === undefined ? {} : { previousName }),
          });
        } else {
          expect(event).toBe(`team ${example.action} does not change groups.`);
        }
      }
    });

    it("membership: members added to and removed from teams; a removal from a deleted team is ignored", () => {
      const examples = examplesOf("membership");
      expect(actionsOf("membership").sort()).toEqual(actions.membership);
      for (const example of examples) {
        const event = eventOf(deliver("membership", example));
        const teamSlug = at(example, "team", "slug");
        if (teamSlug === undefined) {
          // GitHub sends { deleted: true, name, id } for a team that no longer exists.
          expect(at(example, "team", "deleted")).toBe(true);
          expect(event).toBe("membership event without organisation, team or member.");
          continue;
        }
        expect(event).toEqual({
          kind: "membership",
          action: example.action,
          org: at(example, "organization", "login"),
          teamSlug,
          member: at(example, "member", "login"),
        });
      }
    });

    it("organization: members added and removed change users; invitations and renames are ignored", () => {
      const examples = examplesOf("organization");
      expect(actionsOf("organization").sort()).toEqual(actions.organization);
      for (const example of examples) {
        const event = eventOf(deliver("organization", example));
        if (example.action === "member_added" || example.action === "member_removed") {
          expect(event).toEqual({
            kind: "organization-member",
            action: example.action === "member_added" ? "added" : "removed",
            org: at(example, "organization", "login"),
            member: at(example, "membership", "user", "login"),
          });
        } else {
          expect(event).toBe(`organization ${example.action} does not change users.`);
        }
      }
    });

    it("workflow_run: completed runs are recorded with GitHub's own fields; requested runs are not", () => {
      const examples = examplesOf("workflow_run");
      expect(actionsOf("workflow_run").sort()).toEqual(actions.workflow_run);
      for (const example of examples) {
        const event = eventOf(deliver("workflow_run", example));
        if (example.action !== "completed") {
          expect(event).toBe(`workflow_run ${example.action}: only completed runs are recorded.`);
          continue;
        }
        const run = example.workflow_run as Record<string, unknown>;
        expect(event).toMatchObject({
          kind: "workflow-run",
          run: {
            id: run.id,
            repository: at(example, "repository", "full_name"),
            workflowName: (run.name as string) || at(example, "workflow", "name"),
            status: run.status,
            conclusion: run.conclusion,
            branch: run.head_branch,
            commitSha: run.head_sha,
            url: run.html_url,
            event: run.event,
            runNumber: run.run_number,
          },
        });
      }
    });

    it("a form-encoded delivery of the same payload reads the same", () => {
      const [example] = examplesOf("team");
      const json = JSON.stringify(example);
      const body = new URLSearchParams({ payload: json }).toString();
      const result = receiveWebhook({
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "x-github-event": "team",
          "x-github-delivery": randomUUID(),
          "x-hub-signature-256": `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`,
        },
        rawBody: body,
        secrets: SECRET,
      });
      expect(result).toMatchObject({ ok: true, delivery: { eventName: "team", action: example?.action } });
    });
  },
);
