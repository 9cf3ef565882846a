import { NextResponse } from "next/server";
import { z } from "zod";
import { env } from "@/env";
import { createDevSession, sessionCookieName, SESSION_MAX_AGE_S } from "@/server/dev-session";
import { safeCallback } from "@/lib/safe-callback";

const form = z.object({
  email: z.email().max(320),
  name: z.string().max(100).optional(),
  callbackUrl: z.string().optional(),
});

export async function POST(req: Request) {
  if (!env().AUTH_DEV_SIGN_IN) return new Response("Not found", { status: 404 });
  const data = Object.fromEntries(await req.formData());
  const parsed = form.safeParse(data);
  const origin = new URL(req.url);
  if (!parsed.success) {
    const back = new URL("/sign-in", origin);
    back.searchParams.set("error", "DevEmail");
    return NextResponse.redirect(back, 303);
  }
  const { sessionToken, expires } = await createDevSession(parsed.data.email, parsed.data.name);
  const secure = origin.protocol === "https:";
  const res = NextResponse.redirect(new URL(safeCallback(parsed.data.callbackUrl), origin), 303);
  res.cookies.set(sessionCookieName(secure), sessionToken, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    expires,
    maxAge: SESSION_MAX_AGE_S,
  });
  return res;
}
