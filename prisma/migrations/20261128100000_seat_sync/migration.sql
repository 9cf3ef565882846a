-- Team seats billed (the plan item's quantity) and how many live subscriptions Stripe has
ALTER TABLE "OrgBilling" ADD COLUMN "planSeats" INTEGER,
ADD COLUMN "liveSubscriptions" INTEGER NOT NULL DEFAULT 0;
