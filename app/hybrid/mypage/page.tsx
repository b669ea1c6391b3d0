import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { HybridMyPage } from "./hybrid-mypage";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("hybridMypage"))("metaTitle") };
}

export default function Page() {
  return <HybridMyPage />;
}
