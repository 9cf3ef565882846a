import { router } from "../../trpc";
import { getOnboardingProcedure } from "./get-onboarding";
import { setStepProcedure } from "./set-step";

export const onboardingRouter = router({
  get: getOnboardingProcedure,
  setStep: setStepProcedure,
});
