import type { Metadata } from "next";
import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { labCookie, logKeyOf, validLabId } from "@/lib/lab-visitor";
import { AttackerLab } from "./attacker-lab";
import { PageMessages } from "@/app/components/page-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("attackerLab");
  return { title: t("metaTitle") };
}

/**
 * The attacker's page. Open it on the other origin (127.0.0.1 vs localhost) to make it cross-site.
 * Its requests reach the victim without this browser's lab cookie, so they carry the key of this
 * browser's arrival log instead (derived here from the lab cookie proxy.ts set; the id itself
 * never goes into the page).
 */
export default async function Page() {
  const labId = validLabId((await cookies()).get(labCookie().name)?.value);
  return (
    <PageMessages page="attacker">
      <AttackerLab logKey={labId ? logKeyOf(labId) : null} />
    </PageMessages>
  );
}
