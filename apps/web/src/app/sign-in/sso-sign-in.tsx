import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { homeRealmFor, loadSsoProvider, ssoProviderId, startSamlSignIn } from "@stagedoor/core";
import { signIn } from "@/server/auth";
import { db } from "@/server/db";
import { integrationDeps } from "@/server/integrations";
import { withSsoOrg } from "@/server/org-sso";
import { samlOrigin } from "@/server/saml";
import { Button, Field, Input } from "@/components/ui";

async function startSso(slug: string, next: string): Promise<never> {
  const provider = await loadSsoProvider(db(), integrationDeps(), slug);
  if (provider?.protocol === "saml") {
    const origin = samlOrigin(await headers());
    const idpUrl = await startSamlSignIn(db(), slug, { origin, redirectTo: next, testing: false });
    if (idpUrl) redirect(idpUrl);
    redirect("/sign-in?error=NoSso");
  }
  await withSsoOrg(slug, () => signIn(ssoProviderId(slug), { redirectTo: next }));
  // signIn redirects; reaching here means the org has no usable connection.
  redirect("/sign-in?error=NoSso");
}

/**
 * Single sign-on on the sign-in page: the button of the org named by `?org=` (pages of an
 * org that requires SSO send people here with it), and home-realm discovery by email.
 */
export async function SsoSignIn({ orgSlug, next }: { orgSlug: string | null; next: string }) {
  const org = orgSlug ? await loadSsoProvider(db(), integrationDeps(), orgSlug) : null;
  return (
    <div className="space-y-4 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 className="font-semibold">Single sign-on</h2>
      {org?.status === "enabled" ? (
        <form
          action={async () => {
            "use server";
            await startSso(org.slug, next);
          }}
        >
          <Button type="submit" className="w-full">
            Continue with {org.orgName} SSO
          </Button>
        </form>
      ) : null}
      <form
        className="space-y-3"
        action={async (form: FormData) => {
          "use server";
          const email = String(form.get("email") ?? "");
          const realm = await homeRealmFor(db(), email);
          if (!realm) redirect("/sign-in?error=NoSso");
          await startSso(realm.slug, next);
        }}
      >
        {/* Not labelled "email": the development sign-in below has the one "Email" field. */}
        <Field label="Work address" htmlFor="sso-email">
          <Input id="sso-email" name="email" type="email" autoComplete="email" required placeholder="you@company.com" />
        </Field>
        <Button type="submit" variant="secondary" className="w-full">
          Sign in with SSO
        </Button>
      </form>
    </div>
  );
}
