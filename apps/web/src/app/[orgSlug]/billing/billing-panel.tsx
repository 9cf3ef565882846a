"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import type { RouterOutputs } from "@stagedoor/api/client";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { Alert, Button, Card, Input } from "@/components/ui";
import { PlanOffers } from "./plan-offers";
import { ReleasePicker } from "./release-picker";

type Overview = RouterOutputs["billing"]["overview"];
const day = (d: Date | null) => (d ? new Date(d).toISOString().slice(0, 10) : "—");

/** Subscription statuses and plugin states in words (the raw values are Stripe's and the policy's). */
const STATUS_TEXT: Record<string, string> = {
  none: "no subscription",
  active: "active",
  trialing: "in Stripe trial",
  past_due: "payment overdue",
  canceled: "no subscription (canceled)",
};
const STATE_TEXT: Record<string, string> = {
  active: "Licensed",
  trial: "Trial",
  grace: "Payment overdue (still working)",
  locked: "Read-only (payment overdue)",
  none: "Not licensed",
};

export function BillingPanel({ overview, checkout }: { overview: Overview; checkout: string | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [seats, setSeats] = useState<Record<string, number>>(
    Object.fromEntries(overview.plugins.map((p) => [p.key, p.purchased])),
  );
  const [release, setRelease] = useState<Record<string, string[]>>({});
  const selfServe = overview.offers.filter((o) => o.selfServe);
  const [plan, setPlan] = useState((selfServe.find((o) => o.key === overview.plan.key) ?? selfServe[0])?.key ?? null);
  const go = { onSuccess: (r: { url: string }) => window.location.assign(r.url) };
  const startCheckout = useMutation(trpc.billing.checkout.mutationOptions(go));
  // Licenses that must go before a downgrade below the seats in use (a running trial still covers its seats).
  const mustRelease = (p: Overview["plugins"][number]) =>
    overview.subscribed && p.state !== "trial" ? Math.max(0, p.used - (seats[p.key] ?? 0)) : 0;
  const holders = (key: string) => overview.members.filter((m) => m.plugins.some((k) => k === key));
  const releasesMissing = overview.plugins.some((p) => (release[p.key]?.length ?? 0) < mustRelease(p));
  const openPortal = useMutation(trpc.billing.portal.mutationOptions(go));
  const startTrial = useMutation(trpc.billing.startTrial.mutationOptions({ onSuccess: () => router.refresh() }));
  const error = startCheckout.error ?? openPortal.error ?? startTrial.error;
  const paidPlan = overview.plan.key !== "free";
  return (
    <>
      {overview.subscriptionWarning ? <Alert>{overview.subscriptionWarning}</Alert> : null}
      {overview.banner?.kind === "grace" ? (
        <Alert>
          A payment failed. Premium plugins{paidPlan ? ` and the ${overview.plan.name} plan's features` : ""} keep
          working until {day(overview.banner.until)}; then premium plugins become read-only
          {paidPlan ? " and the Free plan's limits apply" : ""} until it is paid. Nothing is deleted. Update the payment
          method in the billing portal.
        </Alert>
      ) : null}
      {overview.banner?.kind === "locked" ? (
        <Alert>
          A payment is overdue: premium plugins are read-only
          {paidPlan
            ? ` and the ${overview.plan.name} plan's features are suspended (the Free plan's limits apply)`
            : ""}
          . Nothing is deleted. Pay the open invoice in the billing portal.
        </Alert>
      ) : null}
      {overview.seats && overview.seats.billed !== null && overview.seats.billed !== overview.seats.members ? (
        <Alert tone="info">
          {overview.seats.billed} seat{overview.seats.billed === 1 ? "" : "s"} billed, {overview.seats.members} member
          {overview.seats.members === 1 ? "" : "s"}: the seat count in Stripe is being updated (it follows members
          within a minute, prorated on the next invoice).
        </Alert>
      ) : null}
      {overview.banner?.kind === "canceling" ? (
        <Alert tone="info">The subscription ends on {day(overview.banner.until)}. No data is deleted.</Alert>
      ) : null}
      {checkout === "success" ? <Alert tone="success">Thank you: your subscription is being set up.</Alert> : null}
      {checkout === "updated" ? (
        <Alert tone="success">
          Your subscription was changed. Stripe prorates the difference: a charge now, or a credit on the next invoice.
        </Alert>
      ) : null}
      <Card
        title={`Plan: ${overview.plan.name}`}
        description={`Status: ${STATUS_TEXT[overview.status] ?? overview.status} · Renews: ${overview.cancelAtPeriodEnd ? "no (canceled at period end)" : day(overview.renewsAt)} · Members: ${overview.memberCount}${overview.memberLimit ? ` of ${overview.memberLimit}` : ""}${overview.seats?.billed ? ` · Seats billed: ${overview.seats.billed}` : ""}`}
        actions={
          overview.hasCustomer ? (
            <Button variant="secondary" onClick={() => openPortal.mutate()} disabled={openPortal.isPending}>
              Manage billing
            </Button>
          ) : null
        }
      >
        <PlanOffers offers={overview.offers} currentPlan={overview.plan.key} chosen={plan} onChoose={setPlan} />
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Premium plugins</caption>
            <thead className="text-slate-500">
              <tr>
                <th className="py-2 pr-4 font-medium">Plugin</th>
                <th className="py-2 pr-4 font-medium">State</th>
                <th className="py-2 pr-4 font-medium">Seats used / purchased</th>
                <th className="py-2 pr-4 font-medium">Seats to buy</th>
              </tr>
            </thead>
            <tbody>
              {overview.plugins.map((p) => (
                <tr key={p.key} className="border-t border-slate-100" data-testid={`plugin-${p.key}`}>
                  <td className="py-2 pr-4 align-top">
                    <div className="font-medium">{p.name}</div>
                    <div className="hidden text-slate-500 sm:block">{p.description}</div>
                  </td>
                  <td className="py-2 pr-4 align-top">{STATE_TEXT[p.state] ?? p.state}</td>
                  <td className="py-2 pr-4 align-top">
                    {p.used} / {p.seats}
                    {p.overBy > 0 ? (
                      <div className="text-red-700">Over by {p.overBy}: release licenses below.</div>
                    ) : null}
                  </td>
                  <td className="py-2 pr-4 align-top">
                    <Input
                      aria-label={`${p.name} seats to buy`}
                      type="number"
                      min={0}
                      className="w-24!"
                      value={seats[p.key] ?? 0}
                      onChange={(e) => setSeats({ ...seats, [p.key]: Number(e.target.value) })}
                    />
                    {mustRelease(p) > 0 ? (
                      <ReleasePicker
                        pluginName={p.name}
                        holders={holders(p.key)}
                        mustRelease={mustRelease(p)}
                        chosen={release[p.key] ?? []}
                        onChange={(userIds) => setRelease({ ...release, [p.key]: userIds })}
                      />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {error ? <Alert>{errorInfo(error).message}</Alert> : null}
        <div className="mt-4 flex flex-wrap gap-2">
          {plan ? (
            <Button
              onClick={() =>
                startCheckout.mutate({
                  plan,
                  pluginSeats: seats,
                  // Only what is still needed: members picked for a plugin no longer over its seats stay.
                  release: Object.fromEntries(
                    overview.plugins.filter((p) => mustRelease(p) > 0).map((p) => [p.key, release[p.key] ?? []]),
                  ),
                })
              }
              disabled={startCheckout.isPending || releasesMissing}
            >
              {overview.subscribed
                ? `Change subscription to ${overview.offers.find((o) => o.key === plan)?.name} with these seats`
                : `Subscribe to ${overview.offers.find((o) => o.key === plan)?.name} with these seats (Checkout)`}
            </Button>
          ) : (
            <span className="self-center text-sm text-slate-500">
              {overview.billingConfigured
                ? "No plan has a Stripe price configured (STRIPE_PRICES)."
                : "Billing is not configured on this server."}
            </span>
          )}
          {overview.trial.available ? (
            <Button variant="secondary" onClick={() => startTrial.mutate()} disabled={startTrial.isPending}>
              Start 14-day plugin trial
            </Button>
          ) : overview.trial.endsAt ? (
            <span className="self-center text-sm text-slate-500">Plugin trial until {day(overview.trial.endsAt)}</span>
          ) : null}
        </div>
      </Card>
    </>
  );
}
