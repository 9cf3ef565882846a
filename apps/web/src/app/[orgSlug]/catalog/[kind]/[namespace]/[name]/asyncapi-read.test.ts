import { describe, expect, it } from "vitest";
import { readAsyncApi } from "./asyncapi-read";

describe("reading AsyncAPI", () => {
  it("reads 2.x channels with publish and subscribe operations", () => {
    const channels = readAsyncApi({
      asyncapi: "2.6.0",
      channels: {
        "orders.created": {
          description: "An order was placed.",
          subscribe: { summary: "New orders", message: { name: "OrderCreated", payload: { type: "object" } } },
          publish: { message: { oneOf: [{ name: "A" }, { title: "B" }] } },
        },
      },
    });
    expect(channels).toEqual([
      {
        name: "orders.created",
        address: "orders.created",
        description: "An order was placed.",
        operations: [
          {
            action: "publish",
            summary: undefined,
            messages: [
              { name: "A", payload: undefined },
              { name: "B", payload: undefined },
            ],
          },
          {
            action: "subscribe",
            summary: "New orders",
            messages: [{ name: "OrderCreated", payload: { type: "object" } }],
          },
        ],
      },
    ]);
  });

  it("reads 3.x channels, addresses, the operations that point at them, and local $refs", () => {
    const channels = readAsyncApi({
      asyncapi: "3.0.0",
      channels: {
        userSignedUp: {
          address: "user/signedup",
          messages: { UserSignedUp: { $ref: "#/components/messages/UserSignedUp" } },
        },
      },
      components: {
        messages: { UserSignedUp: { name: "UserSignedUp", payload: { $ref: "#/components/schemas/User" } } },
        schemas: { User: { type: "object" } },
      },
      operations: { sendUserSignedUp: { action: "send", channel: { $ref: "#/channels/userSignedUp" } } },
    });
    expect(channels).toEqual([
      {
        name: "userSignedUp",
        address: "user/signedup",
        description: undefined,
        operations: [
          { action: "send", summary: undefined, messages: [{ name: "UserSignedUp", payload: { type: "object" } }] },
        ],
      },
    ]);
  });

  it("reads nothing from a document without channels", () => {
    expect(readAsyncApi({ asyncapi: "2.0.0" })).toEqual([]);
  });
});
