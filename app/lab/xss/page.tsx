import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { env } from "@/lib/env";
import { XssLab } from "./xss-lab";
import { PageMessages } from "@/app/components/page-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("xssLab");
  return { title: t("metaTitle") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The deliberately vulnerable page: it renders untrusted HTML as is. proxy.ts gives it no
 * Content-Security-Policy unless `?csp=on`. Off in production unless LAB_XSS_ENABLED=true.
 */
export default async function XssLabPage({ searchParams }: { searchParams: SearchParams }) {
  if (!env().labXssEnabled) notFound();
  const csp = (await searchParams).csp === "on";
  return (
    <PageMessages page="xss">
      <XssLab csp={csp} />
    </PageMessages>
  );
}
