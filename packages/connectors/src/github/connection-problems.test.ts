import { describe, expect, it } from "vitest";
import { describeConnectionError } from "./connection-problems";

// What Node's fetch throws for a failed handshake: TypeError("fetch failed") caused by a system error.
const networkFailure = (code: string) => {
  const cause = Object.assign(new Error(`${code} happened`), { code });
  return Object.assign(new Error("fetch failed"), {
    status: 500,
    cause: Object.assign(new TypeError("fetch failed"), { cause }),
  });
};
const context = { baseUrl: "https://ghe.example.com/api/v3", authType: "token" as const };

describe("connection problems", () => {
  it.each([
    ["DEPTH_ZERO_SELF_SIGNED_CERT", /self-signed certificate/],
    ["SELF_SIGNED_CERT_IN_CHAIN", /private\) certificate authority/],
    ["UNABLE_TO_GET_ISSUER_CERT_LOCALLY", /authority this server does not trust/],
    ["CERT_HAS_EXPIRED", /expired certificate/],
    ["ERR_TLS_CERT_ALTNAME_INVALID", /different host name/],
    ["ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE", /TLS handshake/],
  ])("explains the certificate problem %s", (code, message) => {
    expect(describeConnectionError(networkFailure(code), context)).toMatchObject({
      ok: false,
      code: "tls",
      message: expect.stringMatching(message),
      detail: expect.stringContaining(code),
    });
  });

  it.each([
    ["ECONNREFUSED", /connection refused/],
    ["ENOTFOUND", /could not be resolved/],
    ["EHOSTUNREACH", /no network route/],
    ["ECONNRESET", /closed the connection/],
  ])("explains the network failure %s", (code, message) => {
    expect(describeConnectionError(networkFailure(code), context)).toMatchObject({
      code: "unreachable",
      message: expect.stringMatching(message),
    });
  });

  it("names the permission GitHub says is missing", () => {
    const error = Object.assign(new Error("Resource not accessible by integration"), {
      status: 403,
      response: {
        status: 403,
        headers: {
          "content-type": "application/json; charset=utf-8",
          "x-github-request-id": "X",
          "x-accepted-github-permissions": "members=read",
        },
        data: { message: "Resource not accessible by integration" },
      },
    });
    expect(describeConnectionError(error, context)).toMatchObject({
      code: "missing-permission",
      missing: ["members:read"],
      message: expect.stringContaining("members:read"),
    });
  });
});
