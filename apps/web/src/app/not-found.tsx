import Link from "next/link";

export default function NotFound() {
  return (
    <main
      id="main"
      tabIndex={-1}
      className="mx-auto flex min-h-[70vh] max-w-lg flex-col items-center justify-center px-6 text-center"
    >
      <p className="text-sm font-semibold text-indigo-600">404</p>
      <h1 className="mt-2 text-2xl font-bold tracking-tight">Page not found</h1>
      <p className="mt-2 text-slate-600">
        It does not exist, or you are not a member of the organization it belongs to.
      </p>
      <Link href="/" className="mt-6 text-sm font-semibold text-indigo-600 hover:text-indigo-500">
        Go to your organizations →
      </Link>
    </main>
  );
}
