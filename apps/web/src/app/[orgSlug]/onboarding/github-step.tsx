"use client";

import { Button } from "@/components/ui";

/** Filled in by the GitHub integration: connect, test, dry run, first sync. */
export function GithubStep({ onDone }: { onDone: () => void }) {
  return (
    <div className="space-y-3 text-sm text-slate-600">
      <p>Connect a GitHub App installation or a fine-grained personal access token.</p>
      <Button variant="secondary" onClick={onDone} className="hidden">
        Done
      </Button>
    </div>
  );
}
