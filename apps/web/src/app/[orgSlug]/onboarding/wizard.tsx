"use client";

import { useState } from "react";
import { useRouter, useSearchParams } from "next/navigation";
import { useMutation, useQuery } from "@tanstack/react-query";
import { ONBOARDING_STEPS, type OnboardingStep } from "@stagedoor/core/onboarding-steps";
import type { Onboarding } from "@stagedoor/core/onboarding-steps";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { trackInsights } from "@/components/insights/insights-client";
import { Alert, Button, Card } from "@/components/ui";
import { InviteForm } from "../members/invite-form";
import { STEP_LABELS } from "./steps";
import { CloudStep } from "./cloud-step";
import { GithubStep } from "./github-step";
import { KubernetesStep } from "./kubernetes-step";

const STATUS_TEXT = { pending: "To do", done: "Done", skipped: "Skipped" } as const;

export function Wizard(props: {
  slug: string;
  initial: Onboarding;
  requestedStep: string | null;
  canInviteOwners: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const search = useSearchParams();
  const onboarding = useQuery({ ...trpc.onboarding.get.queryOptions(), initialData: props.initial });
  const data = onboarding.data;
  const requested = (ONBOARDING_STEPS as readonly string[]).includes(search.get("step") ?? "")
    ? (search.get("step") as OnboardingStep)
    : null;
  // Without ?step= the page shows the step that was next when it opened, and stays on it
  // while the user works there, even when the server settles it meanwhile (the first
  // GitHub sync marks its step done): moving on is the user's click.
  const [openedOn] = useState(props.initial.nextStep);
  const current: OnboardingStep | null = requested ?? openedOn;

  const go = (step: OnboardingStep | null) =>
    router.push(step ? `/${props.slug}/onboarding?step=${step}` : `/${props.slug}`);
  const setStep = useMutation(
    trpc.onboarding.setStep.mutationOptions({
      onSuccess: (next, input) => {
        if (input.status === "done") trackInsights({ type: "milestone", milestone: "onboarding.step" });
        if (next.completedAt && !onboarding.data?.completedAt)
          trackInsights({ type: "milestone", milestone: "onboarding.completed" });
        void onboarding.refetch();
        go(next.nextStep);
      },
    }),
  );
  const settle = (status: "done" | "skipped") => current && setStep.mutate({ step: current, status });

  return (
    <div className="grid gap-6 lg:grid-cols-[16rem_1fr]">
      <nav aria-label="Setup steps">
        <ol className="space-y-1">
          {ONBOARDING_STEPS.map((step, i) => {
            const status = data.steps[step];
            const active = step === current;
            return (
              <li key={step}>
                <button
                  type="button"
                  onClick={() => go(step)}
                  aria-current={active ? "step" : undefined}
                  className={`flex w-full items-center gap-3 rounded-md px-3 py-2 text-left text-sm ${active ? "bg-indigo-50 text-indigo-800" : "hover:bg-slate-100"}`}
                >
                  <span
                    aria-hidden
                    className={`grid h-6 w-6 shrink-0 place-items-center rounded-full text-xs font-semibold ${status === "done" ? "bg-emerald-600 text-white" : status === "skipped" ? "bg-slate-300 text-slate-700" : "bg-white text-slate-700 ring-1 ring-slate-300"}`}
                  >
                    {status === "done" ? "✓" : i + 1}
                  </span>
                  <span className="flex-1">
                    <span className="block font-medium">{STEP_LABELS[step].title}</span>
                    <span className="block text-xs text-slate-600" data-testid={`step-status-${step}`}>
                      {STATUS_TEXT[status]}
                    </span>
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      </nav>
      <div className="space-y-4">
        {setStep.error ? <Alert>{errorInfo(setStep.error).message}</Alert> : null}
        {current === null ? (
          <Card title="Setup complete">
            <p className="text-sm text-slate-600">
              Every step is done or skipped. You can revisit any step from the list.
            </p>
            <Button className="mt-4" onClick={() => go(null)}>
              Go to the portal
            </Button>
          </Card>
        ) : (
          <Card title={STEP_LABELS[current].title} description={STEP_LABELS[current].description}>
            {current === "github" ? (
              <GithubStep onDone={() => settle("done")} />
            ) : current === "kubernetes" ? (
              <KubernetesStep onDone={() => settle("done")} />
            ) : current === "cloud" ? (
              <CloudStep onDone={() => settle("done")} />
            ) : current === "invite" ? (
              <div className="space-y-4">
                <InviteForm canInviteOwners={props.canInviteOwners} />
                <InviteStepFinish onFinish={settle} disabled={setStep.isPending} />
              </div>
            ) : (
              <p className="text-sm text-slate-600">
                This connection is not available yet. Skip it for now: the step stays in this list and you can come back
                when it is.
              </p>
            )}
            <div className="mt-6 flex justify-end border-t border-slate-100 pt-4">
              <Button variant="ghost" onClick={() => settle("skipped")} disabled={setStep.isPending}>
                Skip for now
              </Button>
            </div>
          </Card>
        )}
      </div>
    </div>
  );
}

/**
 * The step is done when someone was invited; finishing it with nobody invited is a skip,
 * and the button says so (the checklist on the home page reads it the same way).
 */
function InviteStepFinish({
  onFinish,
  disabled,
}: {
  onFinish: (status: "done" | "skipped") => void;
  disabled: boolean;
}) {
  const trpc = useTRPC();
  const invitations = useQuery(trpc.members.invitations.queryOptions());
  const invited = (invitations.data?.length ?? 0) > 0;
  return (
    <Button onClick={() => onFinish(invited ? "done" : "skipped")} disabled={disabled || invitations.isPending}>
      {invited ? "Finish" : "Finish without inviting"}
    </Button>
  );
}
