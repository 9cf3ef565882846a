"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { displayRef, entityHref } from "@/lib/entity-ref";
import { Alert, Button, EmptyState, Input, Spinner } from "@/components/ui";
import { FacetPanel, FILTER_KEYS, type FilterKey } from "./facet-panel";
import { RunStatusBadge } from "@/components/integrations/run-status-badge";
import { HealthBadge } from "@/components/kubernetes/health-badge";

const PAGE_SIZE = 25;

/** Catalog list: filters, search, sort and pages all live in the URL, so views can be shared. */
export function CatalogBrowser({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const filter = Object.fromEntries(
    FILTER_KEYS.map((k) => [k, params.getAll(k)]).filter(([, v]) => (v as string[]).length > 0),
  ) as Partial<Record<FilterKey, string[]>>;
  const text = params.get("q") ?? "";
  const sort = (params.get("sort") as "name" | "kind" | "updated" | null) ?? "name";
  const cursor = params.get("cursor");
  const [search, setSearch] = useState(text);

  const update = (mutate: (p: URLSearchParams) => void) => {
    // From the address bar, not the render's params: a debounced search may run after
    // another update has already changed the URL.
    const next = new URLSearchParams(window.location.search);
    mutate(next);
    router.replace(`${pathname}${next.size ? `?${next}` : ""}`, { scroll: false });
  };

  useEffect(() => {
    if (search === text) return;
    const t = setTimeout(
      () =>
        update((p) => {
          if (search) p.set("q", search);
          else p.delete("q");
          p.delete("cursor");
        }),
      250,
    );
    return () => clearTimeout(t);
  }, [search]);

  const list = useQuery({
    ...trpc.catalog.list.queryOptions({ filter, text: text || undefined, sort, limit: PAGE_SIZE, cursor }),
    placeholderData: keepPreviousData,
  });
  const facets = useQuery({
    ...trpc.catalog.facets.queryOptions({ filter, text: text || undefined }),
    placeholderData: keepPreviousData,
  });

  const refs = list.data?.items.map((e) => e.ref) ?? [];
  const ci = useQuery({ ...trpc.cicd.latestForRefs.queryOptions({ refs }), enabled: refs.length > 0 });
  const k8s = useQuery({ ...trpc.kubernetes.healthForRefs.queryOptions({ refs }), enabled: refs.length > 0 });
  const healthOf = new Map((k8s.data ?? []).map((h) => [h.ref, h]));

  const toggle = (key: FilterKey, value: string) =>
    update((p) => {
      const values = p.getAll(key);
      p.delete(key);
      for (const v of values.includes(value) ? values.filter((x) => x !== value) : [...values, value]) p.append(key, v);
      p.delete("cursor");
    });

  return (
    <div className="grid gap-6 lg:grid-cols-[15rem_1fr]">
      <FacetPanel
        facets={facets.data}
        selected={filter}
        onToggle={toggle}
        onClear={() => update((p) => FILTER_KEYS.forEach((k) => p.delete(k)))}
      />
      <div className="min-w-0 space-y-4">
        <div className="flex flex-wrap gap-3">
          <form
            role="search"
            className="flex max-w-md flex-1"
            onSubmit={(e) => {
              e.preventDefault();
              update((p) => {
                if (search) p.set("q", search);
                else p.delete("q");
                p.delete("cursor");
              });
            }}
          >
            <label htmlFor="catalog-search" className="sr-only">
              Search the catalog
            </label>
            <Input
              id="catalog-search"
              type="search"
              placeholder="Search names, titles, descriptions and tags"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              className="flex-1"
            />
          </form>
          <label className="flex items-center gap-2 text-sm text-slate-600">
            Sort
            <select
              aria-label="Sort by"
              value={sort}
              onChange={(e) => update((p) => (p.set("sort", e.target.value), p.delete("cursor")))}
              className="rounded-md border-0 py-1.5 pl-2 pr-8 text-sm ring-1 ring-inset ring-slate-300"
            >
              <option value="name">Name</option>
              <option value="kind">Kind</option>
              <option value="updated">Recently updated</option>
            </select>
          </label>
        </div>
        {list.isPending ? (
          <Spinner label="Loading entities" />
        ) : list.error ? (
          <Alert>{errorInfo(list.error).message}</Alert>
        ) : list.data.items.length === 0 ? (
          <EmptyState title={text || Object.keys(filter).length ? "Nothing matches" : "The catalog is empty"}>
            {text || Object.keys(filter).length
              ? "Try fewer filters or another search."
              : "Connect GitHub from the setup wizard, or register catalog-info.yaml files."}
          </EmptyState>
        ) : (
          <>
            <p className="text-sm text-slate-500" data-testid="catalog-total">
              {list.data.totalItems} {list.data.totalItems === 1 ? "entity" : "entities"}
            </p>
            <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
              <table className="min-w-full text-left text-sm">
                <caption className="sr-only">Catalog entities</caption>
                <thead className="border-b border-slate-200 text-slate-500">
                  <tr>
                    {["Name", "Kind", "Type", "Owner", "System", "Lifecycle", "Tags"].map((h) => (
                      <th key={h} scope="col" className="px-4 py-2 font-medium">
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {list.data.items.map((e) => (
                    <tr key={e.uid} data-ref={e.ref} className={list.isPlaceholderData ? "opacity-60" : undefined}>
                      <td className="px-4 py-2">
                        <Link href={entityHref(slug, e.ref)} className="font-medium text-indigo-700 hover:underline">
                          {e.title ?? e.name}
                        </Link>
                        {e.hasErrors ? (
                          <span className="ml-2 rounded bg-red-50 px-1.5 text-xs text-red-700">errors</span>
                        ) : null}
                        {e.orphanedAt ? (
                          <span className="ml-2 rounded bg-amber-50 px-1.5 text-xs text-amber-800">orphan</span>
                        ) : null}
                        {ci.data?.[e.ref] ? (
                          <a
                            href={ci.data[e.ref]!.url}
                            target="_blank"
                            rel="noreferrer"
                            className="ml-2"
                            title="Latest CI run"
                          >
                            <RunStatusBadge status={ci.data[e.ref]!.status} conclusion={ci.data[e.ref]!.conclusion} />
                          </a>
                        ) : null}
                        {healthOf.get(e.ref) ? (
                          <span className="ml-2">
                            <HealthBadge
                              health={healthOf.get(e.ref)!.health}
                              stale={healthOf.get(e.ref)!.stale}
                              problems={healthOf.get(e.ref)!.problems}
                            />
                          </span>
                        ) : null}
                        {e.description ? (
                          <p className="max-w-md truncate text-xs text-slate-500">{e.description}</p>
                        ) : null}
                      </td>
                      <td className="whitespace-nowrap px-4 py-2">{e.kind}</td>
                      <td className="whitespace-nowrap px-4 py-2">{e.type ?? "—"}</td>
                      <td className="whitespace-nowrap px-4 py-2">
                        {e.owner ? (
                          <Link href={entityHref(slug, e.owner)} className="hover:underline">
                            {displayRef(e.owner)}
                          </Link>
                        ) : (
                          "—"
                        )}
                      </td>
                      <td className="whitespace-nowrap px-4 py-2">{e.system ? displayRef(e.system) : "—"}</td>
                      <td className="px-4 py-2">{e.lifecycle ?? "—"}</td>
                      <td className="px-4 py-2">
                        <div className="flex flex-wrap gap-1">
                          {e.tags.map((t) => (
                            <span key={t} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">
                              {t}
                            </span>
                          ))}
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <nav aria-label="Pages" className="flex justify-between">
              <Button
                variant="secondary"
                disabled={!list.data.prevCursor}
                onClick={() =>
                  update((p) => (list.data.prevCursor ? p.set("cursor", list.data.prevCursor) : p.delete("cursor")))
                }
              >
                ← Previous
              </Button>
              <Button
                variant="secondary"
                disabled={!list.data.nextCursor}
                onClick={() => update((p) => list.data.nextCursor && p.set("cursor", list.data.nextCursor))}
              >
                Next →
              </Button>
            </nav>
          </>
        )}
      </div>
    </div>
  );
}
