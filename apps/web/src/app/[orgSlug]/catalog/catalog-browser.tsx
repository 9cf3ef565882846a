"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { Alert, Button, EmptyState, Input, Spinner } from "@/components/ui";
import { FacetPanel, FILTER_KEYS, type FilterKey } from "./facet-panel";
import { CatalogTable } from "./catalog-table";
import { KindPicker, ALL_KINDS, DEFAULT_KIND } from "./kind-picker";
import { ScopePicker, SCOPES, type Scope } from "./scope-picker";

const PAGE_SIZE = 25;

/**
 * Catalog list: filters, search, sort and pages all live in the URL, so views can be shared.
 * Opens as Backstage's does: Components, owned by me (when the catalog knows who I am).
 */
export function CatalogBrowser({ slug, defaultScope }: { slug: string; defaultScope: Scope }) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const kindParam = params.get("kind") ?? DEFAULT_KIND;
  const filter = Object.fromEntries(
    FILTER_KEYS.filter((k) => k !== "kind")
      .map((k) => [k, params.getAll(k)])
      .filter(([, v]) => (v as string[]).length > 0),
  ) as Partial<Record<FilterKey, string[]>>;
  if (kindParam !== ALL_KINDS) filter.kind = [kindParam];
  const scope = (SCOPES.find((s) => s.id === params.get("scope"))?.id ?? defaultScope) as Scope;
  const text = params.get("q") ?? "";
  const sort = (params.get("sort") as "name" | "kind" | "updated" | null) ?? "name";
  const cursor = params.get("cursor");
  const [search, setSearch] = useState(text);
  const [filtersOpen, setFiltersOpen] = useState(false);

  // The URL this component last asked for, until the router has applied it: router.replace
  // applies in a transition, so a second update (the debounced search after a click) must
  // build on the first rather than on an address bar that does not show it yet.
  const pending = useRef<string | null>(null);
  useEffect(() => {
    if (pending.current === params.toString()) pending.current = null;
  }, [params]);
  useEffect(() => {
    const forget = () => (pending.current = null);
    window.addEventListener("popstate", forget);
    return () => window.removeEventListener("popstate", forget);
  }, []);
  const update = (mutate: (p: URLSearchParams) => void) => {
    const next = new URLSearchParams(pending.current ?? window.location.search);
    mutate(next);
    pending.current = next.toString();
    router.replace(`${pathname}${next.size ? `?${next}` : ""}`, { scroll: false });
  };
  const setText = (value: string) =>
    update((p) => {
      if (value) p.set("q", value);
      else p.delete("q");
      p.delete("cursor");
    });

  useEffect(() => {
    if (search === text) return;
    const t = setTimeout(() => setText(search), 250);
    return () => clearTimeout(t);
  }, [search]);

  const query = { filter, text: text || undefined, scope };
  const list = useQuery({
    ...trpc.catalog.list.queryOptions({ ...query, sort, limit: PAGE_SIZE, cursor }),
    placeholderData: keepPreviousData,
  });
  // Kind counts ignore the kind picked (to offer the others); the panel's counts respect it.
  const facets = useQuery({
    ...trpc.catalog.facets.queryOptions({ ...query, filter: { ...filter, kind: undefined }, facets: ["kind"] }),
    placeholderData: keepPreviousData,
  });
  const panelFacets = useQuery({
    ...trpc.catalog.facets.queryOptions(query),
    placeholderData: keepPreviousData,
  });

  const refs = list.data?.items.map((e) => e.ref) ?? [];
  const ci = useQuery({ ...trpc.cicd.latestForRefs.queryOptions({ refs }), enabled: refs.length > 0 });
  const ownerRefs = [
    ...new Set([
      ...(list.data?.items.flatMap((e) => [e.owner, e.system]) ?? []),
      ...(panelFacets.data?.owner ?? []).slice(0, 12).map((f) => f.value),
      ...(panelFacets.data?.system ?? []).slice(0, 12).map((f) => f.value),
    ]),
  ].filter((r): r is string => Boolean(r));
  const names = useQuery({
    ...trpc.catalog.displayNames.queryOptions({ refs: ownerRefs.slice(0, 200) }),
    enabled: ownerRefs.length > 0,
    placeholderData: keepPreviousData,
  });
  const k8s = useQuery({ ...trpc.kubernetes.healthForRefs.queryOptions({ refs }), enabled: refs.length > 0 });

  const toggle = (key: FilterKey, value: string) =>
    update((p) => {
      const values = p.getAll(key);
      p.delete(key);
      for (const v of values.includes(value) ? values.filter((x) => x !== value) : [...values, value]) p.append(key, v);
      p.delete("cursor");
    });
  const activeFilters = FILTER_KEYS.filter((k) => k !== "kind").reduce((n, k) => n + (filter[k]?.length ?? 0), 0);
  const narrowed = Boolean(text) || activeFilters > 0 || scope !== "all";
  // Nothing of any kind (the kind counts ignore the kind picked): say so, and how to fill it.
  const catalogEmpty = !narrowed && facets.isSuccess && (facets.data.kind ?? []).length === 0;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <form
          role="search"
          className="flex w-full sm:max-w-md sm:flex-1"
          onSubmit={(e) => {
            e.preventDefault();
            setText(search);
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
        <ScopePicker value={scope} onChange={(s) => update((p) => (p.set("scope", s), p.delete("cursor")))} />
        <KindPicker
          value={kindParam}
          kinds={facets.data?.kind}
          onChange={(k) => update((p) => (p.set("kind", k), p.delete("cursor")))}
        />
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
        <Button
          variant="secondary"
          className="lg:hidden"
          aria-expanded={filtersOpen}
          aria-controls="catalog-filters"
          onClick={() => setFiltersOpen((o) => !o)}
        >
          Filters{activeFilters ? ` (${activeFilters})` : ""}
        </Button>
      </div>
      <div className="grid gap-6 lg:grid-cols-[14rem_minmax(0,1fr)]">
        <FacetPanel
          id="catalog-filters"
          className={filtersOpen ? "" : "hidden lg:block"}
          facets={panelFacets.data}
          selected={filter}
          names={names.data}
          onToggle={toggle}
          onClear={() => update((p) => FILTER_KEYS.filter((k) => k !== "kind").forEach((k) => p.delete(k)))}
        />
        <div className="min-w-0 space-y-4">
          {list.isPending ? (
            <Spinner label="Loading entities" />
          ) : list.error ? (
            <Alert>{errorInfo(list.error).message}</Alert>
          ) : list.data.items.length === 0 ? (
            <EmptyState title={catalogEmpty ? "The catalog is empty" : "Nothing matches"}>
              {text ? (
                <>
                  <p>
                    Nothing matches &ldquo;{text}&rdquo;{scope !== "all" ? ` among ${scope} entities` : ""}.
                  </p>
                  <button
                    type="button"
                    className="mt-2 font-medium text-indigo-700 hover:underline"
                    onClick={() => {
                      setSearch("");
                      setText("");
                    }}
                  >
                    Clear search
                  </button>
                </>
              ) : scope === "owned" ? (
                "You and your teams own nothing of this kind. Choose All to see everything."
              ) : scope === "starred" ? (
                "You have starred nothing of this kind yet."
              ) : catalogEmpty ? (
                "Connect GitHub from the setup wizard, or register catalog-info.yaml files."
              ) : (
                "Try fewer filters or another kind."
              )}
            </EmptyState>
          ) : (
            <>
              <p className="text-sm text-slate-600" data-testid="catalog-total">
                {list.data.totalItems} {list.data.totalItems === 1 ? "entity" : "entities"}
              </p>
              <CatalogTable
                slug={slug}
                items={list.data.items}
                ci={ci.data}
                health={k8s.data}
                names={names.data}
                stale={list.isPlaceholderData}
              />
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
    </div>
  );
}
