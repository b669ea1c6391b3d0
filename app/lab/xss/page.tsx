import { notFound } from "next/navigation";
import { env } from "@/lib/env";
import { XssLab } from "./xss-lab";

export const metadata = { title: "XSS lab — Login Lab" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The deliberately vulnerable page: it renders untrusted HTML as is. proxy.ts gives it no
 * Content-Security-Policy unless `?csp=on`. Off in production unless LAB_XSS_ENABLED=true.
 */
export default async function XssLabPage({ searchParams }: { searchParams: SearchParams }) {
  if (!env().labXssEnabled) notFound();
  const csp = (await searchParams).csp === "on";
  return <XssLab csp={csp} />;
}
