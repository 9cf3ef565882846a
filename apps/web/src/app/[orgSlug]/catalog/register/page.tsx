import type { Metadata } from "next";
import { loadAdminPage } from "@/server/org-page";
import { RegisterForm } from "./register-form";
import { RegisterUrlForm } from "./register-url-form";

export const metadata: Metadata = { title: "Register entities" };

export default async function RegisterPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { org } = await loadAdminPage(orgSlug);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Register entities</h1>
        <p className="mt-1 text-slate-600">
          Register a catalog file on GitHub by its URL, or paste or upload catalog-info.yaml. Check it first: every
          problem is reported with its line; nothing is saved until you import.
        </p>
      </div>
      <RegisterUrlForm slug={org.slug} />
      <RegisterForm slug={org.slug} />
    </div>
  );
}
