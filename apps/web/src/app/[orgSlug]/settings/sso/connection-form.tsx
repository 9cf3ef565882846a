"use client";

import { useEffect, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { Card, Field, Input } from "@/components/ui";
import { ConnectionStatus, SaveConnectionFooter } from "./connection-form-parts";
import { ProvisioningFields, useProvisioning } from "./provisioning-fields";

export function ConnectionForm({ redirectUri }: { redirectUri: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.sso.settings.queryOptions());
  // A SAML connection is shown by its own form (saml-connection-form.tsx).
  const saved = settings.data?.connection ?? null;
  const connection = saved?.protocol === "oidc" ? saved : null;
  const [issuer, setIssuer] = useState("");
  const [clientId, setClientId] = useState("");
  const [clientSecret, setClientSecret] = useState("");
  const provisioning = useProvisioning(connection);
  useEffect(() => {
    if (!connection) return;
    setIssuer(connection.issuer);
    setClientId(connection.clientId);
  }, [connection]);
  const save = useMutation(
    trpc.sso.saveOidc.mutationOptions({
      onSuccess: () => {
        setClientSecret("");
        void queryClient.invalidateQueries({ queryKey: trpc.sso.settings.queryKey() });
      },
    }),
  );
  const failure = save.error ? errorInfo(save.error) : null;
  return (
    <Card title="OpenID Connect" description={`Register this redirect URI in your IdP: ${redirectUri}`}>
      <ConnectionStatus connection={connection} testId="sso-status" />
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({
            issuer,
            clientId,
            clientSecret: clientSecret || undefined,
            defaultRole: provisioning.input.defaultRole,
            groupsClaim: provisioning.input.groups,
            groupRoles: provisioning.input.groupRoles,
          });
        }}
      >
        <Field label="Issuer URL" htmlFor="sso-issuer" error={failure?.fields.issuer}>
          <Input
            id="sso-issuer"
            value={issuer}
            required
            placeholder="https://login.example.com"
            onChange={(e) => setIssuer(e.target.value)}
          />
        </Field>
        <Field label="Client ID" htmlFor="sso-client-id" error={failure?.fields.clientId}>
          <Input id="sso-client-id" value={clientId} required onChange={(e) => setClientId(e.target.value)} />
        </Field>
        <Field
          label={connection ? "Client secret (leave empty to keep the saved one)" : "Client secret"}
          htmlFor="sso-client-secret"
          error={failure?.fields.clientSecret}
        >
          <Input
            id="sso-client-secret"
            type="password"
            autoComplete="off"
            value={clientSecret}
            required={!connection}
            onChange={(e) => setClientSecret(e.target.value)}
          />
        </Field>
        <ProvisioningFields idPrefix="sso" groupsLabel="Groups claim (optional)" {...provisioning.fields} />
        <SaveConnectionFooter
          save={save}
          failure={failure}
          shownAtField={Boolean(failure?.fields.issuer)}
          label="Save"
          pendingLabel="Checking the issuer…"
        />
      </form>
    </Card>
  );
}
