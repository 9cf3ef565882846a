import { describe, it, expect } from "vitest";
import { readLimitedBody } from "./read-limited-body";

const streamed = (bytes: number) =>
  new Request("http://x/", {
    method: "POST",
    // A stream body has no Content-Length: only counting can enforce the limit.
    body: new ReadableStream({
      start(c) {
        for (let i = 0; i < bytes; i += 1000) c.enqueue(new Uint8Array(Math.min(1000, bytes - i)));
        c.close();
      },
    }),
    duplex: "half",
  } as RequestInit);

describe("readLimitedBody", () => {
  it("returns the whole body up to the limit", async () => {
    expect((await readLimitedBody(streamed(5000), 5000))?.byteLength).toBe(5000);
    const small = await readLimitedBody(new Request("http://x/", { method: "POST", body: "abc" }), 10);
    expect(new TextDecoder().decode(small!)).toBe("abc");
  });

  it("refuses a body over the limit, with or without Content-Length", async () => {
    expect(await readLimitedBody(streamed(5001), 5000)).toBeNull();
    expect(await readLimitedBody(new Request("http://x/", { method: "POST", body: "x".repeat(11) }), 10)).toBeNull();
  });
});
