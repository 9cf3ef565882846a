"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { EntityDetail } from "@stagedoor/core/catalog-types";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { displayRef } from "@/lib/entity-ref";
import { Alert, Button, Spinner } from "@/components/ui";

const linkButton =
  "inline-flex items-center gap-1 rounded-md bg-white px-3 py-1.5 text-sm font-semibold text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600";

/** View source and Edit for everyone; Refresh and Unregister for admins, as Backstage's entity menu. */
export function SourceActions({ slug, entity: e, isAdmin }: { slug: string; entity: EntityDetail; isAdmin: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const refresh = useMutation(
    trpc.catalog.refresh.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.catalog.get.queryKey({ ref: e.ref }) }),
    }),
  );
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        {e.origin.viewUrl ? (
          <a href={e.origin.viewUrl} target="_blank" rel="noreferrer noopener" className={linkButton}>
            View source<span className="sr-only"> (opens in a new tab)</span>
          </a>
        ) : null}
        {e.origin.editUrl ? (
          <a href={e.origin.editUrl} target="_blank" rel="noreferrer noopener" className={linkButton}>
            Edit<span className="sr-only"> {e.origin.display} (opens in a new tab)</span>
          </a>
        ) : null}
        {isAdmin && e.origin.refresh ? (
          <Button
            variant="secondary"
            className="py-1.5"
            disabled={refresh.isPending}
            onClick={() => refresh.mutate({ ref: e.ref })}
          >
            {refresh.isPending ? "Refreshing…" : "Refresh"}
          </Button>
        ) : null}
        {isAdmin ? (
          <Button variant="danger" className="py-1.5" onClick={() => setConfirming(true)}>
            Unregister…
          </Button>
        ) : null}
      </div>
      {refresh.isSuccess ? (
        <Alert tone="success">
          {refresh.data.queued === "repository"
            ? `Re-reading ${e.origin.display} from GitHub now; changes show up here within a minute.`
            : "A sync of the GitHub integration has started; changes show up here when it finishes."}
        </Alert>
      ) : refresh.error ? (
        <Alert>{errorInfo(refresh.error).message}</Alert>
      ) : null}
      {confirming ? <UnregisterDialog slug={slug} entity={e} onClose={() => setConfirming(false)} /> : null}
    </div>
  );
}

function UnregisterDialog({ slug, entity: e, onClose }: { slug: string; entity: EntityDetail; onClose: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const plan = useQuery(trpc.catalog.unregisterPlan.queryOptions({ ref: e.ref }, { staleTime: 0 }));
  const unregister = useMutation(
    trpc.catalog.unregister.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.catalog.pathKey() });
        router.push(`/${slug}/catalog`);
      },
    }),
  );
  // No close() on cleanup: the close event would unmount the dialog (and React's dev double
  // effects would close it right after opening). Removing the element closes it anyway.
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  const total = plan.data?.total ?? 0;
  const noun = (n: number) => `${n} ${n === 1 ? "entity" : "entities"}`;

  return (
    <dialog
      ref={dialog}
      aria-labelledby="unregister-title"
      onClose={onClose}
      className="m-auto w-[min(36rem,calc(100vw-2rem))] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="space-y-4 p-5">
        <h2 id="unregister-title" className="text-lg font-semibold text-slate-900">
          Unregister {e.origin.display}?
        </h2>
        {plan.isPending ? (
          <Spinner label="Finding what goes" />
        ) : plan.error ? (
          <Alert>{errorInfo(plan.error).message}</Alert>
        ) : (
          <>
            <p className="text-sm text-slate-700">
              This deletes {noun(total)} that {plan.data.source} registered, with their relations:
            </p>
            <ul
              aria-label="Entities that will be deleted"
              className="max-h-48 overflow-auto rounded-md bg-slate-50 px-3 py-2 font-mono text-xs ring-1 ring-slate-200"
            >
              {plan.data.entities.map((ref) => (
                <li key={ref}>{displayRef(ref, { withKind: true })}</li>
              ))}
              {total > plan.data.entities.length ? <li>and {total - plan.data.entities.length} more</li> : null}
            </ul>
            {plan.data.comesBack ? (
              <Alert tone="info">
                The GitHub integration reads this file on every sync: unless the file is deleted or the repository is
                left out of the integration, these entities come back with the next sync.
              </Alert>
            ) : null}
          </>
        )}
        {unregister.error ? <Alert>{errorInfo(unregister.error).message}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => dialog.current?.close()}>
            Cancel
          </Button>
          <Button
            variant="danger"
            disabled={!plan.data || unregister.isPending}
            onClick={() => unregister.mutate({ ref: e.ref, expectedTotal: total })}
          >
            {unregister.isPending ? "Unregistering…" : `Unregister ${noun(total)}`}
          </Button>
        </div>
      </div>
    </dialog>
  );
}
