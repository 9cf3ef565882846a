import { TRPCError } from "@trpc/server";
import { AUDIT_CSV_HEADER, auditCsvRow, isPlanRefusal } from "@stagedoor/core";
import { serverCaller } from "@/server/caller";

export const dynamic = "force-dynamic";

const PAGE = 200;

/**
 * CSV of the audit rows matching the page's URL filters (?actor=&action=&from=&to=),
 * streamed page by page through audit.exportPage (audit.list's rows and permission, plus
 * the plan's audit export), so tenancy applies unchanged. Non-admins and other orgs get
 * 404; an admin of an org whose plan has no audit export gets 403 naming the plan.
 */
export async function GET(request: Request, { params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const search = new URL(request.url).searchParams;
  const filter = {
    action: search.get("action") || undefined,
    actor: search.get("actor") || undefined,
    from: search.get("from") || undefined,
    to: search.get("to") || undefined,
  };
  const caller = await serverCaller(orgSlug);
  let first;
  try {
    // The first page runs before the response starts, so a refusal is a real status code.
    first = await caller.audit.exportPage({ ...filter, limit: PAGE });
  } catch (e) {
    if (e instanceof TRPCError) {
      if (e.code === "UNAUTHORIZED") return new Response("Sign in first.\n", { status: 401 });
      if (e.code === "BAD_REQUEST") return new Response(`${e.message}\n`, { status: 400 });
      if (isPlanRefusal(e.cause)) return new Response(`${e.message}\n`, { status: 403 });
      return new Response("Not found.\n", { status: 404 });
    }
    throw e;
  }
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(`${AUDIT_CSV_HEADER.join(",")}\r\n`));
      let page = first;
      for (;;) {
        for (const item of page.items) controller.enqueue(encoder.encode(`${auditCsvRow(item)}\r\n`));
        if (!page.nextCursor) break;
        page = await caller.audit.exportPage({ ...filter, limit: PAGE, cursor: page.nextCursor });
      }
      controller.close();
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${orgSlug}-audit-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
}
