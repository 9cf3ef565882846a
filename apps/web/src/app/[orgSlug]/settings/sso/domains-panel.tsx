"use client";

import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { Alert, Button, Card, Field, Input } from "@/components/ui";

export function DomainsPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const domains = useQuery(trpc.sso.domains.queryOptions());
  const refresh = { onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.sso.domains.queryKey() }) };
  const add = useMutation(trpc.sso.addDomain.mutationOptions(refresh));
  const verify = useMutation(trpc.sso.verifyDomain.mutationOptions(refresh));
  const remove = useMutation(trpc.sso.removeDomain.mutationOptions(refresh));
  const [domain, setDomain] = useState("");
  const error = add.error ?? verify.error ?? remove.error;
  return (
    <Card
      title="Verified domains"
      description="People with an address in a verified domain are sent to your IdP from the sign-in page, and only they can sign in through it."
    >
      <ul className="mb-4 space-y-3">
        {(domains.data ?? []).map((d) => (
          <li key={d.id} className="text-sm">
            <strong>{d.domain}</strong> {d.verifiedAt ? `· verified (${d.verifiedBy})` : "· not verified yet"}
            {!d.verifiedAt ? (
              <p className="text-slate-600">
                Publish a TXT record <code>{d.record.name}</code> with the value <code>{d.record.value}</code>, then
                check it.
              </p>
            ) : null}
            <div className="mt-1 flex gap-2">
              {!d.verifiedAt ? (
                <Button
                  variant="secondary"
                  disabled={verify.isPending}
                  onClick={() => verify.mutate({ domainId: d.id })}
                >
                  Check DNS
                </Button>
              ) : null}
              <Button variant="secondary" disabled={remove.isPending} onClick={() => remove.mutate({ domainId: d.id })}>
                Remove
              </Button>
            </div>
          </li>
        ))}
      </ul>
      <form
        className="flex items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate({ domain }, { onSuccess: () => setDomain("") });
        }}
      >
        <Field label="Domain" htmlFor="sso-domain">
          <Input
            id="sso-domain"
            value={domain}
            required
            placeholder="example.com"
            onChange={(e) => setDomain(e.target.value)}
          />
        </Field>
        <Button type="submit" disabled={add.isPending}>
          Add
        </Button>
      </form>
      {error ? <Alert>{errorInfo(error).message}</Alert> : null}
    </Card>
  );
}
