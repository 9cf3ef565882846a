import type { PrismaTypes } from "@stagedoor/db";
import { AppError } from "../errors";
import { lockBillingRow } from "./billing-row";
import { planByKey } from "./plans";

/**
 * The plan's member limit, on invitation (members plus pending invitations, counting the
 * new one) and on acceptance (members, counting the newcomer). Call inside the transaction
 * that adds the row: it locks the org's billing row first, so two acceptances (or invites)
 * racing for the last place serialize and the second counts the first's new row.
 */
export async function assertMemberCapacity(
  tx: PrismaTypes.TransactionClient,
  orgId: string,
  when: "invite" | "accept",
): Promise<void> {
  await lockBillingRow(tx, orgId);
  const billing = await tx.orgBilling.findUnique({ where: { orgId }, select: { memberLimit: true, plan: true } });
  const limit = billing ? billing.memberLimit : planByKey("free").memberLimit;
  if (limit === null) return;
  const members = await tx.membership.count({ where: { orgId } });
  const pending =
    when === "invite"
      ? await tx.invitation.count({
          where: { orgId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
        })
      : 0;
  if (members + pending + 1 > limit) {
    const plan = planByKey(billing?.plan ?? "free").name;
    throw new AppError(
      "PRECONDITION_FAILED",
      `The ${plan} plan allows ${limit} members` +
        (when === "invite" ? " (pending invitations count)" : "") +
        ". An admin can upgrade on the Billing page.",
    );
  }
}
