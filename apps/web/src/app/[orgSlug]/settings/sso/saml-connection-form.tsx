"use client";

import { useEffect, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { Card, Field, Input } from "@/components/ui";
import { ConnectionStatus, SaveConnectionFooter } from "./connection-form-parts";
import { ProvisioningFields, useProvisioning } from "./provisioning-fields";

export type SamlServiceUrls = { entityId: string; acsUrl: string; loginUrl: string };

/** A value the admin copies into the IdP: selectable in one click, readable at phone width. */
function CopyValue({ id, label, value }: { id: string; label: string; value: string }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <Input id={id} readOnly value={value} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
    </div>
  );
}

export function SamlConnectionForm({ urls }: { urls: SamlServiceUrls }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.sso.settings.queryOptions());
  const saved = settings.data?.connection ?? null;
  const connection = saved?.protocol === "saml" ? saved : null;
  const [source, setSource] = useState<"url" | "xml">("url");
  const [metadataUrl, setMetadataUrl] = useState("");
  const [metadataXml, setMetadataXml] = useState("");
  const provisioning = useProvisioning(connection);
  useEffect(() => {
    if (!connection) return;
    setSource(connection.samlMetadataUrl ? "url" : "xml");
    setMetadataUrl(connection.samlMetadataUrl ?? "");
  }, [connection]);
  const save = useMutation(
    trpc.sso.saveSaml.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.sso.settings.queryKey() }),
    }),
  );
  const failure = save.error ? errorInfo(save.error) : null;
  const fieldError = failure?.fields.metadataUrl ?? failure?.fields.metadataXml;
  return (
    <Card
      title="SAML 2.0"
      description="Create a SAML app in your IdP with these values (or give it the SP metadata URL), then load the IdP's metadata here."
    >
      <div className="mb-4 space-y-3">
        <CopyValue id="saml-acs-url" label="ACS (reply) URL" value={urls.acsUrl} />
        <CopyValue id="saml-entity-id" label="SP entity ID (audience) and metadata URL" value={urls.entityId} />
        <CopyValue id="saml-login-url" label="Sign-in URL (for the IdP's app tile)" value={urls.loginUrl} />
        <p className="text-sm text-slate-600">
          Name ID format: email address. Sign the assertion (or the whole response); Stagedoor refuses unsigned ones.
        </p>
      </div>
      <ConnectionStatus
        connection={connection}
        testId="saml-status"
        detail={
          connection
            ? ` · IdP ${connection.issuer} · ${connection.samlCertificateCount} signing certificate${connection.samlCertificateCount === 1 ? "" : "s"}`
            : null
        }
      />
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({
            ...(source === "url" ? { metadataUrl } : { metadataXml }),
            defaultRole: provisioning.input.defaultRole,
            groupsAttribute: provisioning.input.groups,
            groupRoles: provisioning.input.groupRoles,
          });
        }}
      >
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-700">IdP metadata</legend>
          <div className="flex flex-wrap gap-4 text-sm">
            <label className="flex items-center gap-2">
              <input type="radio" name="saml-source" checked={source === "url"} onChange={() => setSource("url")} />
              From a URL
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="saml-source" checked={source === "xml"} onChange={() => setSource("xml")} />
              Paste the XML
            </label>
          </div>
        </fieldset>
        {source === "url" ? (
          <Field label="IdP metadata URL" htmlFor="saml-metadata-url" error={fieldError}>
            <Input
              id="saml-metadata-url"
              type="url"
              value={metadataUrl}
              required
              placeholder="https://login.example.com/app/…/sso/saml/metadata"
              onChange={(e) => setMetadataUrl(e.target.value)}
            />
          </Field>
        ) : (
          <Field label="IdP metadata XML" htmlFor="saml-metadata-xml" error={fieldError}>
            <textarea
              id="saml-metadata-xml"
              className="w-full rounded-md border border-slate-300 p-2 font-mono text-xs"
              rows={6}
              required
              value={metadataXml}
              placeholder="<md:EntityDescriptor …>"
              onChange={(e) => setMetadataXml(e.target.value)}
            />
          </Field>
        )}
        <ProvisioningFields idPrefix="saml" groupsLabel="Groups attribute (optional)" {...provisioning.fields} />
        <SaveConnectionFooter
          save={save}
          failure={failure}
          shownAtField={Boolean(fieldError)}
          label="Save SAML connection"
          pendingLabel="Reading the metadata…"
        />
      </form>
    </Card>
  );
}
