import { getOnboarding } from "@stagedoor/core";
import { orgProcedure } from "../../trpc";

export const getOnboardingProcedure = orgProcedure.query(({ ctx }) => getOnboarding(ctx.db));
