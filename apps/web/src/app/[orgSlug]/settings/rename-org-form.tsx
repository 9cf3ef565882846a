"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { MAX_ORG_NAME_LENGTH } from "@stagedoor/core/limits";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { Alert, Button, Card, Field, Input } from "@/components/ui";

export function RenameOrgForm({ initialName, slug }: { initialName: string; slug: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [name, setName] = useState(initialName);
  const rename = useMutation(trpc.org.updateName.mutationOptions({ onSuccess: () => router.refresh() }));
  const failure = rename.error ? errorInfo(rename.error) : null;
  return (
    <Card title="Organization" description={`The URL stays /${slug}.`}>
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          rename.mutate({ name });
        }}
      >
        <Field label="Name" htmlFor="org-name" error={failure?.fields.name}>
          <Input
            id="org-name"
            value={name}
            maxLength={MAX_ORG_NAME_LENGTH}
            required
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
        {failure && !failure.fields.name ? <Alert>{failure.message}</Alert> : null}
        {rename.isSuccess ? <Alert tone="success">Saved.</Alert> : null}
        <Button type="submit" disabled={rename.isPending || name.trim() === ""}>
          {rename.isPending ? "Saving…" : "Save"}
        </Button>
      </form>
    </Card>
  );
}
