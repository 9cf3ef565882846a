"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { displayRef, entityHref } from "@/lib/entity-ref";
import { loadRecentSearches, saveRecentSearch } from "./recent-searches";
import { trackInsights } from "@/components/insights/insights-client";

type Option =
  | { id: string; kind: "entity"; ref: string; href: string; label: string; meta: string; detail: string | null }
  | { id: string; kind: "recent"; text: string };

/**
 * The header's quick search (Cmd/Ctrl-K): a combobox over the catalog's entities by name,
 * title, description, tags and owner, with kind and owner on each result, arrow keys to
 * move, Enter to open, Escape to close, and this browser's recent searches when empty.
 */
export function GlobalSearch({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [debounced, setDebounced] = useState("");
  const [active, setActive] = useState(0);
  const [recent, setRecent] = useState<string[]>([]);
  const inputRef = useRef<HTMLInputElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const listId = useId();
  // The shortcut as this platform writes it (known only in the browser, after hydration).
  const [shortcut, setShortcut] = useState("Ctrl K");
  useEffect(() => {
    if (/Mac|iPhone|iPad/.test(navigator.platform)) setShortcut("⌘K");
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.metaKey || e.ctrlKey) && e.key.toLowerCase() === "k") {
        e.preventDefault();
        setOpen((o) => !o);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  useEffect(() => {
    if (open) {
      setRecent(loadRecentSearches(slug));
      inputRef.current?.focus();
    }
  }, [open, slug]);

  useEffect(() => {
    const t = setTimeout(() => setDebounced(text.trim()), 150);
    return () => clearTimeout(t);
  }, [text]);

  const search = useQuery({
    ...trpc.catalog.search.queryOptions({ text: debounced, limit: 8 }),
    enabled: open && debounced.length > 0,
    placeholderData: keepPreviousData,
  });

  const options: Option[] = text.trim()
    ? (debounced ? (search.data ?? []) : []).map((hit) => ({
        id: `${listId}-${hit.ref}`,
        kind: "entity",
        ref: hit.ref,
        href: entityHref(slug, hit.ref),
        label: hit.title ?? hit.name,
        meta: [hit.kind, hit.owner ? `owned by ${hit.ownerName ?? displayRef(hit.owner)}` : null]
          .filter(Boolean)
          .join(" · "),
        detail: hit.description,
      }))
    : recent.map((r) => ({ id: `${listId}-recent-${r}`, kind: "recent", text: r }));

  useEffect(() => setActive(0), [debounced, open]);

  // For Insights, a search is the last query whose results the member saw before opening
  // one (clicked) or closing the dialog: not every keystroke.
  const seen = useRef<{ query: string; resultCount: number } | null>(null);
  useEffect(() => {
    if (debounced && search.isSuccess && !search.isPlaceholderData) {
      seen.current = { query: debounced, resultCount: search.data.length };
    }
  }, [debounced, search.isSuccess, search.isPlaceholderData, search.data]);
  const recordSearch = (clicked: string | null) => {
    if (seen.current) trackInsights({ type: "search", ...seen.current, clicked });
    seen.current = null;
  };

  const close = () => {
    recordSearch(null);
    setOpen(false);
    setText("");
    openerRef.current?.focus();
  };

  const choose = (option: Option | undefined) => {
    if (!option) return;
    if (option.kind === "recent") {
      setText(option.text);
      return;
    }
    saveRecentSearch(slug, text);
    recordSearch(option.ref);
    close();
    router.push(option.href);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setActive((i) => (options.length ? (i + 1) % options.length : 0));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((i) => (options.length ? (i - 1 + options.length) % options.length : 0));
    } else if (e.key === "Enter") {
      e.preventDefault();
      choose(options[active]);
    } else if (e.key === "Escape") {
      e.preventDefault();
      close();
    }
  };

  const noResults =
    debounced.length > 0 && text.trim() && search.isSuccess && !search.isPlaceholderData && options.length === 0;

  return (
    <>
      <button
        ref={openerRef}
        type="button"
        onClick={() => setOpen(true)}
        aria-keyshortcuts="Control+K Meta+K"
        className="flex w-full max-w-xs items-center gap-2 rounded-md px-3 py-1.5 text-sm text-slate-600 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2">
          <circle cx="9" cy="9" r="6" />
          <path d="M14 14l4 4" strokeLinecap="round" />
        </svg>
        <span className="flex-1 text-left">Search</span>
        <kbd className="hidden rounded bg-slate-100 px-1.5 text-xs text-slate-600 sm:inline">{shortcut}</kbd>
      </button>
      {open ? (
        <div
          className="fixed inset-0 z-50 flex items-start justify-center bg-slate-900/40 p-4 pt-[10vh]"
          onMouseDown={close}
        >
          <div
            role="dialog"
            aria-modal="true"
            aria-label="Quick search"
            className="w-full max-w-xl overflow-hidden rounded-lg bg-white shadow-xl ring-1 ring-slate-200"
            onMouseDown={(e) => e.stopPropagation()}
          >
            <input
              ref={inputRef}
              role="combobox"
              aria-expanded={options.length > 0}
              aria-controls={listId}
              aria-autocomplete="list"
              aria-activedescendant={options[active]?.id}
              aria-label="Search entities"
              placeholder="Search by name, title, description, tag or owner"
              value={text}
              onChange={(e) => setText(e.target.value)}
              onKeyDown={onKeyDown}
              className="w-full border-0 border-b border-slate-200 px-4 py-3 text-base focus:ring-0 focus:outline-none"
            />
            <ul
              id={listId}
              role="listbox"
              aria-label={text.trim() ? "Search results" : "Recent searches"}
              className="max-h-96 overflow-y-auto py-1"
            >
              {!text.trim() && options.length ? (
                <li
                  role="presentation"
                  className="px-4 py-1 text-xs font-semibold uppercase tracking-wide text-slate-500"
                >
                  Recent searches
                </li>
              ) : null}
              {options.map((option, i) => (
                <li
                  key={option.id}
                  id={option.id}
                  role="option"
                  aria-selected={i === active}
                  onMouseEnter={() => setActive(i)}
                  onClick={() => choose(option)}
                  className={`cursor-pointer px-4 py-2 ${i === active ? "bg-indigo-50" : ""}`}
                >
                  {option.kind === "recent" ? (
                    <span className="text-sm text-slate-700">{option.text}</span>
                  ) : (
                    <>
                      <span className="flex items-baseline justify-between gap-3">
                        <span className="truncate font-medium text-slate-900">{option.label}</span>
                        <span className="shrink-0 text-xs text-slate-600">{option.meta}</span>
                      </span>
                      {option.detail ? (
                        <span className="block truncate text-xs text-slate-500">{option.detail}</span>
                      ) : null}
                    </>
                  )}
                </li>
              ))}
            </ul>
            <p role="status" className="px-4 pb-2 text-xs text-slate-500">
              {noResults ? `Nothing matches "${text.trim()}".` : search.isFetching ? "Searching…" : ""}
            </p>
          </div>
        </div>
      ) : null}
    </>
  );
}
