import type { Metadata } from "next";
import type { ReactNode } from "react";
import { connection } from "next/server";
import { Providers } from "@/lib/trpc";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Stagedoor", template: "%s · Stagedoor" },
  description: "Your internal developer portal: catalog, CI, workloads, costs and docs in one place.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: the CSP nonce (src/proxy.ts) is new each time, and a
  // page prerendered at build time would carry scripts without it, which the browser blocks.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen">
        {/* Every page's <main> has id="main"; the link shows itself when focused. */}
        <a
          href="#main"
          className="sr-only z-50 rounded-md bg-white px-4 py-2 font-semibold text-indigo-700 shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
        >
          Skip to content
        </a>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
