"use client";

import { useRef, type KeyboardEvent } from "react";
import type { EntityTab, TabId } from "./entity-tabs";

export const tabId = (id: TabId) => `entity-tab-${id}`;
export const panelId = (id: TabId) => `entity-panel-${id}`;

/**
 * WAI-ARIA tabs with automatic activation: arrow keys (and Home/End) move between tabs and
 * select them; only the selected tab is in the Tab order, so Tab goes on into the panel.
 */
export function TabList({
  tabs,
  selected,
  onSelect,
}: {
  tabs: EntityTab[];
  selected: TabId;
  onSelect: (id: TabId) => void;
}) {
  const refs = useRef(new Map<TabId, HTMLButtonElement>());
  const move = (event: KeyboardEvent, index: number) => {
    const last = tabs.length - 1;
    const next =
      event.key === "ArrowRight"
        ? index === last
          ? 0
          : index + 1
        : event.key === "ArrowLeft"
          ? index === 0
            ? last
            : index - 1
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    const tab = tabs[next]!;
    onSelect(tab.id);
    refs.current.get(tab.id)?.focus();
  };
  return (
    <div role="tablist" aria-label="Entity sections" className="flex gap-1 overflow-x-auto border-b border-slate-200">
      {tabs.map((t, i) => (
        <button
          key={t.id}
          ref={(el) => {
            if (el) refs.current.set(t.id, el);
            else refs.current.delete(t.id);
          }}
          id={tabId(t.id)}
          role="tab"
          type="button"
          aria-selected={selected === t.id}
          aria-controls={panelId(t.id)}
          tabIndex={selected === t.id ? 0 : -1}
          onClick={() => onSelect(t.id)}
          onKeyDown={(e) => move(e, i)}
          className={`-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline focus-visible:outline-2 focus-visible:outline-indigo-600 ${selected === t.id ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
