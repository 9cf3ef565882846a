"use client";

import { useState, useEffect } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTRPC, errorInfo } from "@/lib/trpc";
import { Alert, Button, Field, Input } from "@/components/ui";
import { slugify as slugifyName } from "@stagedoor/core/slug";
import { MAX_ORG_NAME_LENGTH, MAX_ORG_SLUG_LENGTH } from "@stagedoor/core/limits";

export function CreateOrgForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  const [debouncedSlug, setDebouncedSlug] = useState("");

  useEffect(() => {
    const t = setTimeout(() => setDebouncedSlug(slug), 250);
    return () => clearTimeout(t);
  }, [slug]);

  const check = useQuery({
    ...trpc.org.checkSlug.queryOptions({ slug: debouncedSlug }),
    enabled: debouncedSlug.length > 0,
  });
  const create = useMutation(
    trpc.org.create.mutationOptions({ onSuccess: (org) => router.push(`/${org.slug}/onboarding`) }),
  );
  const failure = create.error ? errorInfo(create.error) : null;
  const slugError =
    failure?.fields.slug ??
    (check.data && !check.data.available && debouncedSlug === slug ? (check.data.problem ?? undefined) : undefined);

  return (
    <form
      className="mt-8 space-y-5 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ name, slug });
      }}
    >
      {failure && !failure.fields.slug && !failure.fields.name ? <Alert>{failure.message}</Alert> : null}
      <Field label="Organization name" htmlFor="org-name" error={failure?.fields.name}>
        <Input
          id="org-name"
          value={name}
          required
          maxLength={MAX_ORG_NAME_LENGTH}
          autoFocus
          placeholder="Acme Corp"
          onChange={(e) => {
            setName(e.target.value);
            if (!slugEdited) setSlug(slugifyName(e.target.value));
          }}
        />
      </Field>
      <Field
        label="URL"
        htmlFor="org-slug"
        error={slugError}
        hint={
          slug && check.data?.available ? (
            <span className="text-emerald-700">Available: stagedoor/{slug}</span>
          ) : (
            `Lowercase letters, digits and hyphens; 3–${MAX_ORG_SLUG_LENGTH} characters.`
          )
        }
      >
        <div className="flex rounded-md shadow-sm">
          <span className="inline-flex items-center rounded-l-md px-3 text-sm text-slate-500 ring-1 ring-inset ring-slate-300">
            stagedoor/
          </span>
          <Input
            id="org-slug"
            value={slug}
            required
            maxLength={MAX_ORG_SLUG_LENGTH}
            className="rounded-l-none"
            invalid={Boolean(slugError)}
            aria-describedby={slugError ? "org-slug-error" : "org-slug-hint"}
            onChange={(e) => {
              setSlugEdited(true);
              setSlug(e.target.value.toLowerCase());
            }}
          />
        </div>
      </Field>
      <Button type="submit" disabled={create.isPending || !name || !slug} className="w-full">
        {create.isPending ? "Creating…" : "Create organization"}
      </Button>
    </form>
  );
}
