"use client";

import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import type { RouterOutputs } from "@stagedoor/api/client";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { Alert, Button, Field } from "@/components/ui";

type Proposal = Extract<RouterOutputs["catalog"]["proposeCatalogFile"], { kind: "proposal" }>;

/**
 * A repository without a catalog file, as Backstage's import offers it: the generated
 * catalog-info.yaml to check and edit, then a pull request that adds it, opened with the
 * GitHub integration's credentials.
 */
export function CatalogPullRequestPanel({ url, proposal }: { url: string; proposal: Proposal }) {
  const trpc = useTRPC();
  const [content, setContent] = useState(proposal.content);
  const open = useMutation(trpc.catalog.openCatalogPullRequest.mutationOptions());
  const error = open.error ? errorInfo(open.error) : null;
  const opened = open.data ?? null;
  const ownerHint =
    proposal.owner.source === "codeowners"
      ? `The owner ${proposal.owner.ref} comes from the repository's CODEOWNERS file.`
      : `Nobody is named in a CODEOWNERS file, so the owner is the organization's group ${proposal.owner.ref}: change it to the team that owns the repository.`;

  return (
    <section
      aria-labelledby="catalog-pr-heading"
      className="mt-4 space-y-3 rounded-md bg-slate-50 p-4 ring-1 ring-slate-200"
    >
      <h3 id="catalog-pr-heading" className="text-sm font-semibold text-slate-900">
        {proposal.repository} has no {proposal.path}
      </h3>
      <p className="text-sm text-slate-700">
        Open a pull request that adds this file on the branch <code className="font-mono">{proposal.branch}</code>, for{" "}
        {proposal.defaultBranch}. {ownerHint}
      </p>
      {opened ? (
        <Alert tone="success">
          <p>
            Pull request{" "}
            <a href={opened.pullRequest.url} className="font-medium underline" target="_blank" rel="noreferrer">
              #{opened.pullRequest.number} in {opened.repository}
            </a>{" "}
            is open.
          </p>
          <p className="mt-1 break-words">
            {opened.pickedUpBySync
              ? "Once it is merged, the next GitHub sync adds the component to the catalog."
              : `Once it is merged, register ${opened.fileUrl} here.`}
          </p>
        </Alert>
      ) : (
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            open.mutate({ url, integrationId: proposal.integrationId, content });
          }}
        >
          <Field
            label={`${proposal.path} for ${proposal.repository}`}
            htmlFor="catalog-pr-content"
            error={error?.fields.content}
            hint="Edit it before sending: it is checked as a catalog file first."
          >
            <textarea
              id="catalog-pr-content"
              value={content}
              onChange={(e) => setContent(e.target.value)}
              rows={Math.min(20, content.split("\n").length + 1)}
              spellCheck={false}
              className="block w-full rounded-md border-0 px-3 py-2 font-mono text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-indigo-600"
            />
          </Field>
          {error && !error.fields.content ? <Alert>{error.message}</Alert> : null}
          <div className="flex flex-wrap justify-end gap-3">
            <Button
              type="button"
              variant="ghost"
              onClick={() => setContent(proposal.content)}
              disabled={open.isPending}
            >
              Reset to the generated file
            </Button>
            <Button type="submit" disabled={!content.trim() || open.isPending}>
              {open.isPending ? "Opening pull request…" : "Open pull request"}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
