import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Providers } from "@/lib/trpc";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Stagedoor", template: "%s · Stagedoor" },
  description: "Your internal developer portal: catalog, CI, workloads, costs and docs in one place.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
