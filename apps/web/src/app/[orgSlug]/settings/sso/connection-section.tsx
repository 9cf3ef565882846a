"use client";

import { useEffect, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { ConnectionForm } from "./connection-form";
import { SamlConnectionForm, type SamlServiceUrls } from "./saml-connection-form";

/**
 * One connection per org, by OpenID Connect or SAML 2.0: the saved one's protocol is
 * chosen first; saving the other form replaces it (back to draft, off).
 */
export function ConnectionSection({ redirectUri, samlUrls }: { redirectUri: string; samlUrls: SamlServiceUrls }) {
  const trpc = useTRPC();
  const settings = useQuery(trpc.sso.settings.queryOptions());
  const savedProtocol = settings.data?.connection?.protocol ?? null;
  const [protocol, setProtocol] = useState<"oidc" | "saml">("oidc");
  useEffect(() => {
    if (savedProtocol) setProtocol(savedProtocol);
  }, [savedProtocol]);
  return (
    <div className="space-y-4">
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="mb-2 text-sm font-medium text-slate-700">Protocol</legend>
        {(
          [
            ["oidc", "OpenID Connect"],
            ["saml", "SAML 2.0"],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="flex items-center gap-2">
            <input
              type="radio"
              name="sso-protocol"
              value={value}
              checked={protocol === value}
              onChange={() => setProtocol(value)}
            />
            {label}
            {savedProtocol === value ? <span className="text-slate-500">(saved)</span> : null}
          </label>
        ))}
      </fieldset>
      {protocol === "oidc" ? <ConnectionForm redirectUri={redirectUri} /> : <SamlConnectionForm urls={samlUrls} />}
    </div>
  );
}
