import Link from "next/link";
import { ONBOARDING_STEPS, type Onboarding } from "@stagedoor/core/onboarding-steps";
import { Card } from "@/components/ui";
import { STEP_LABELS } from "./onboarding/steps";

const MARK = { done: "✓", skipped: "–", pending: "" } as const;
const STATUS_TEXT = { done: "Done", skipped: "Skipped", pending: "To do" } as const;

/** Shown to admins on the org home until every setup step is done or skipped. */
export function SetupChecklist({ slug, onboarding }: { slug: string; onboarding: Onboarding }) {
  const done = ONBOARDING_STEPS.filter((s) => onboarding.steps[s] === "done").length;
  const skipped = ONBOARDING_STEPS.filter((s) => onboarding.steps[s] === "skipped").length;
  return (
    <Card
      title="Finish setting up"
      description={`${done + skipped} of ${ONBOARDING_STEPS.length} steps settled${skipped ? ` (${skipped} skipped)` : ""}`}
      actions={
        onboarding.nextStep ? (
          <Link
            href={`/${slug}/onboarding?step=${onboarding.nextStep}`}
            className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-semibold text-white hover:bg-indigo-500"
          >
            Resume setup
          </Link>
        ) : null
      }
    >
      <ul className="space-y-2" aria-label="Setup checklist">
        {ONBOARDING_STEPS.map((step) => {
          const status = onboarding.steps[step];
          return (
            <li key={step} className="flex items-center gap-3 text-sm">
              <span
                aria-hidden
                className={`grid h-5 w-5 place-items-center rounded-full text-xs ${status === "done" ? "bg-emerald-600 text-white" : status === "skipped" ? "bg-slate-300" : "ring-1 ring-slate-300"}`}
              >
                {MARK[status]}
              </span>
              <Link href={`/${slug}/onboarding?step=${step}`} className="hover:underline">
                {STEP_LABELS[step].title}
              </Link>
              <span className="text-slate-600" data-testid={`checklist-${step}`}>
                {STATUS_TEXT[status]}
              </span>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
