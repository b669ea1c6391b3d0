import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { GlossaryDefinitions } from "@/app/components/glossary-definitions";
import { env } from "@/lib/env";
import "./globals.css";

export const metadata: Metadata = {
  title: "Login Lab — session, JWT and hybrid login side by side",
  description: "Log in three ways, watch what the browser stores and sends, and see what each approach really costs.",
};

/** Every page renders per request: its scripts must carry that request's CSP nonce (proxy.ts). */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-zinc-100 text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
          <nav className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-1 px-4 py-3 text-sm">
            <Link href="/" className="font-semibold tracking-tight">
              Login Lab
            </Link>
            <span className="hidden text-zinc-600 sm:inline dark:text-zinc-400">see how login really works</span>
            <Link href="/claims" className="hover:underline">
              claims
            </Link>
            <Link href="/compare" className="hover:underline">
              compare
            </Link>
            <Link href="/guide" className="hover:underline">
              guide
            </Link>
            {env().labXssEnabled ? (
              <Link href="/lab/xss" className="hover:underline">
                XSS lab
              </Link>
            ) : null}
            <Link href="/lab/attacker" className="hover:underline">
              cross-site lab
            </Link>
            <Link href="/scale" className="hover:underline">
              scale-out lab
            </Link>
            <span className="ml-auto flex gap-4">
              <Link href="/session/mypage" className="text-blue-700 hover:underline dark:text-blue-300">
                session
              </Link>
              <Link href="/jwt/mypage" className="text-amber-700 hover:underline dark:text-amber-300">
                jwt
              </Link>
              <Link href="/hybrid/mypage" className="text-emerald-700 hover:underline dark:text-emerald-300">
                hybrid
              </Link>
            </span>
          </nav>
        </header>
        <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
        <GlossaryDefinitions />
      </body>
    </html>
  );
}
