import { z } from "zod";
import { ONBOARDING_STEPS, setOnboardingStep } from "@stagedoor/core";
import { adminProcedure } from "../../trpc";

export const setStepInput = z.object({
  step: z.enum(ONBOARDING_STEPS),
  status: z.enum(["done", "skipped"]),
});

export const setStepProcedure = adminProcedure
  .input(setStepInput)
  .mutation(({ ctx, input }) => setOnboardingStep(ctx.db, ctx.actor, input.step, input.status));
