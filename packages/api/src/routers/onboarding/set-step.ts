import { z } from "zod";
import { ONBOARDING_STEPS, setOnboardingStep } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const setStepInput = z.object({
  step: z.enum(ONBOARDING_STEPS),
  status: z.enum(["done", "skipped"]),
});

export const setStepProcedure = requirePermission("org.update")
  .input(setStepInput)
  .mutation(({ ctx, input }) => setOnboardingStep(ctx.tenant, ctx.principal, input.step, input.status));
