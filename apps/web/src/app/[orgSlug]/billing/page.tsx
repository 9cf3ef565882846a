import type { Metadata } from "next";
import { loadAdminPage } from "@/server/org-page";
import { serverCaller } from "@/server/caller";
import { BillingPanel } from "./billing-panel";
import { LicenseTable } from "./license-table";

export const metadata: Metadata = { title: "Billing" };

export default async function BillingPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<{ checkout?: string }>;
}) {
  const { orgSlug } = await params;
  const { checkout } = await searchParams;
  await loadAdminPage(orgSlug);
  const caller = await serverCaller(orgSlug);
  const [overview, invoices] = await Promise.all([caller.billing.overview(), caller.billing.invoices()]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Billing</h1>
        <p className="mt-1 text-slate-600">Your plan, premium plugin seats and who holds them.</p>
      </div>
      <BillingPanel overview={overview} checkout={checkout ?? null} />
      <LicenseTable overview={overview} />
      <section className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200" aria-labelledby="invoices-heading">
        <h2 id="invoices-heading" className="border-b border-slate-100 px-5 py-4 text-base font-semibold">
          Billing history
        </h2>
        {invoices.length === 0 ? (
          <p className="px-5 py-4 text-sm text-slate-500">No invoices yet.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="text-slate-500">
              <tr>
                <th className="px-5 py-2 font-medium">Invoice</th>
                <th className="px-5 py-2 font-medium">Date</th>
                <th className="px-5 py-2 font-medium">Amount</th>
                <th className="px-5 py-2 font-medium">Status</th>
              </tr>
            </thead>
            <tbody>
              {invoices.map((i) => (
                <tr key={i.id} className="border-t border-slate-100">
                  <td className="px-5 py-2">
                    {i.url ? (
                      <a className="text-indigo-700 underline" href={i.url}>
                        {i.number ?? i.id}
                      </a>
                    ) : (
                      (i.number ?? i.id)
                    )}
                  </td>
                  <td className="px-5 py-2">{i.created.toISOString().slice(0, 10)}</td>
                  <td className="px-5 py-2">
                    {(i.amountDue / 100).toFixed(2)} {i.currency.toUpperCase()}
                  </td>
                  <td className="px-5 py-2">{i.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
