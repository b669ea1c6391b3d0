import type { Metadata } from "next";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { SEED_POST } from "@/lib/seed-post";
import { latestResults } from "@/lib/claims";
import { CLAIMS } from "@/lib/claims-list";
import { cluster } from "@/lib/scale";
import { ClaimRows } from "./claim-rows";
import { PageMessages } from "@/app/components/page-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("claimsPage");
  return { title: t("metaTitle") };
}
export const dynamic = "force-dynamic";

/** Every claim of the post, one row each, with a live check on this instance. */
export default function ClaimsPage() {
  const t = useTranslations("claimsPage");
  const verdict = useTranslations("claimsList.verdict");
  return (
    <div className="flex max-w-6xl flex-col gap-4">
      <div className="max-w-3xl">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-2 text-zinc-600 dark:text-zinc-400">
          {t.rich("intro", {
            // The post's title is its name, in its own language: never translated.
            link: (c) => (
              <a href={SEED_POST.url} className="underline" lang="ko" translate="no">
                {c}
              </a>
            ),
            title: SEED_POST.title,
            em: (c) => <em>{c}</em>,
            holds: verdict("holds"),
            caveat: verdict("caveat"),
            doesNotHold: verdict("does_not_hold"),
          })}{" "}
          {cluster() ? t("inCluster") : t.rich("alone", { code: (c) => <code className="font-mono text-sm">{c}</code> })}
        </p>
      </div>
      <PageMessages page="claims">
        <ClaimRows claims={CLAIMS} initial={latestResults()} />
      </PageMessages>
    </div>
  );
}
