import { describe, expect, it } from "vitest";
import { checkReleases, subscriptionItemChanges } from "./change-subscription";
import { parsePriceConfig } from "./plans";

const prices = parsePriceConfig("team=p_team,enterprise=p_ent,scorecards=p_sc,insights=p_in");
const item = (id: string, price: string, quantity: number) => ({ id, price: { id: price }, quantity }) as never;

describe("subscriptionItemChanges", () => {
  const current = [item("si_plan", "p_team", 3), item("si_sc", "p_sc", 2), item("si_other", "p_unknown", 1)];

  it("changes the plan item's price and quantity in place instead of adding a second plan", () => {
    expect(
      subscriptionItemChanges(
        current,
        [
          { price: "p_ent", quantity: 4 },
          { price: "p_sc", quantity: 2 },
        ],
        prices,
      ),
    ).toEqual([{ id: "si_plan", price: "p_ent", quantity: 4 }]);
  });

  it("changes, removes and adds plugin items, leaving prices it does not sell alone", () => {
    expect(
      subscriptionItemChanges(
        current,
        [
          { price: "p_team", quantity: 3 },
          { price: "p_in", quantity: 5 },
        ],
        prices,
      ),
    ).toEqual([
      { id: "si_sc", deleted: true },
      { price: "p_in", quantity: 5 },
    ]);
    expect(
      subscriptionItemChanges(
        current,
        [
          { price: "p_team", quantity: 3 },
          { price: "p_sc", quantity: 7 },
        ],
        prices,
      ),
    ).toEqual([{ id: "si_sc", quantity: 7 }]);
  });

  it("asks for nothing when nothing changes", () => {
    expect(
      subscriptionItemChanges(
        current,
        [
          { price: "p_team", quantity: 3 },
          { price: "p_sc", quantity: 2 },
        ],
        prices,
      ),
    ).toEqual([]);
  });
});

describe("checkReleases", () => {
  const held = [
    { pluginKey: "scorecards", userId: "u1" },
    { pluginKey: "scorecards", userId: "u2" },
    { pluginKey: "scorecards", userId: "u3" },
  ];
  const name = () => "Scorecards";

  it("needs as many holders named as the downgrade takes away", () => {
    expect(() => checkReleases(held, { scorecards: 1 }, { scorecards: ["u1"] }, name)).toThrow(
      "Scorecards has 3 licenses in use and 1 seat after the change: choose 1 more to release.",
    );
    expect(checkReleases(held, { scorecards: 1 }, { scorecards: ["u1", "u3"] }, name)).toEqual(
      new Map([["scorecards", ["u1", "u3"]]]),
    );
  });

  it("ignores names that hold no license (another org's members included) and needs nothing when seats suffice", () => {
    expect(() => checkReleases(held, { scorecards: 2 }, { scorecards: ["someone-else"] }, name)).toThrow(
      /choose 1 more/,
    );
    expect(checkReleases(held, { scorecards: 3 }, {}, name)).toEqual(new Map());
  });
});
