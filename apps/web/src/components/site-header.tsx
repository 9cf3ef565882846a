import Link from "next/link";
import type { SessionUser } from "@stagedoor/api";
import { signOut } from "@/server/auth";

export function SiteHeader({ user }: { user: SessionUser | null }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex h-14 max-w-6xl items-center justify-between px-6">
        <Link href="/" className="flex items-center gap-2 font-semibold">
          <span
            aria-hidden
            className="grid h-7 w-7 place-items-center rounded-md bg-indigo-600 text-xs font-bold text-white"
          >
            Sd
          </span>
          Stagedoor
        </Link>
        {user ? (
          <UserMenu user={user} />
        ) : (
          <Link href="/sign-in" className="text-sm font-semibold text-indigo-600">
            Sign in
          </Link>
        )}
      </div>
    </header>
  );
}

export function UserMenu({ user }: { user: SessionUser }) {
  return (
    <div className="flex items-center gap-3 text-sm">
      <span className="hidden text-slate-600 sm:inline" data-testid="current-user">
        {user.email}
      </span>
      <form
        action={async () => {
          "use server";
          await signOut({ redirectTo: "/" });
        }}
      >
        <button type="submit" className="rounded-md px-2 py-1 text-slate-700 hover:bg-slate-100">
          Sign out
        </button>
      </form>
    </div>
  );
}
