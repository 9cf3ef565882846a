"use client";

import type { RouterOutputs } from "@stagedoor/api/client";

type Offer = RouterOutputs["billing"]["overview"]["offers"][number];

/**
 * The paid plans as a radio group: a plan with a Stripe price configured is bought (or
 * switched to) here; one without (Enterprise, usually) links to sales instead.
 */
export function PlanOffers({
  offers,
  currentPlan,
  chosen,
  onChoose,
}: {
  offers: Offer[];
  currentPlan: string;
  chosen: string | null;
  onChoose: (key: Offer["key"]) => void;
}) {
  return (
    <fieldset className="mb-4">
      <legend className="mb-2 text-sm font-medium text-slate-700">Plan</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        {offers.map((offer) => (
          <div
            key={offer.key}
            data-testid={`offer-${offer.key}`}
            className={`rounded-md p-3 ring-1 ${chosen === offer.key ? "ring-2 ring-indigo-600" : "ring-slate-200"}`}
          >
            {offer.selfServe ? (
              <label className="flex items-center gap-2 font-medium">
                <input
                  type="radio"
                  name="plan"
                  value={offer.key}
                  checked={chosen === offer.key}
                  onChange={() => onChoose(offer.key)}
                />
                {offer.name}
                {currentPlan === offer.key ? (
                  <span className="text-sm font-normal text-slate-500">(current)</span>
                ) : null}
              </label>
            ) : (
              <div className="font-medium">{offer.name}</div>
            )}
            <p className="mt-1 text-sm text-slate-600">{offer.summary}</p>
            <ul className="mt-2 list-disc pl-5 text-sm text-slate-600">
              {offer.features.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
            {!offer.selfServe && offer.salesContact ? (
              <a
                className="mt-2 inline-block text-sm font-semibold text-indigo-700 underline"
                href={offer.salesContact}
              >
                Contact sales for {offer.name}
              </a>
            ) : null}
          </div>
        ))}
      </div>
    </fieldset>
  );
}
