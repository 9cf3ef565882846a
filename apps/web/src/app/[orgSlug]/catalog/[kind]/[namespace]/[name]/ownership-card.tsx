"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { displayRef, entityHref } from "@/lib/entity-ref";
import { Alert, Card, Spinner } from "@/components/ui";

export function OwnershipCard({ slug, entityRef }: { slug: string; entityRef: string }) {
  const trpc = useTRPC();
  const owned = useQuery(trpc.catalog.ownership.queryOptions({ ref: entityRef }));
  return (
    <Card
      title="Ownership"
      description={
        owned.data ? `${owned.data.total} owned ${owned.data.total === 1 ? "entity" : "entities"}` : undefined
      }
    >
      {owned.isPending ? (
        <Spinner />
      ) : owned.error ? (
        <Alert>{errorInfo(owned.error).message}</Alert>
      ) : owned.data.items.length === 0 ? (
        <p className="text-sm text-slate-500">Owns nothing yet.</p>
      ) : (
        <ul className="grid gap-2 sm:grid-cols-2" aria-label="Owned entities">
          {owned.data.items.map((e) => (
            <li key={e.ref} className="rounded-md px-3 py-2 ring-1 ring-slate-200">
              <Link href={entityHref(slug, e.ref)} className="font-medium text-indigo-700 hover:underline">
                {e.title ?? e.name}
              </Link>
              <p className="text-xs text-slate-500">
                {e.kind}
                {e.type ? ` · ${e.type}` : ""}
                {e.ownedVia !== entityRef ? ` · via ${displayRef(e.ownedVia)}` : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
