"use client";

import { createContext, useContext, type ReactNode } from "react";

export type OrgContext = { slug: string; name: string; role: string };

const Context = createContext<OrgContext | null>(null);

/** The org of the page and the signed-in member's role in it, for client parts that need them. */
export function OrgProvider({ org, children }: { org: OrgContext; children: ReactNode }) {
  return <Context.Provider value={org}>{children}</Context.Provider>;
}

export const useOrg = () => useContext(Context);
