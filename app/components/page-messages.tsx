import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { type ClientPage, clientMessages } from "@/i18n/client-messages";

/** The shared client messages plus one page's own, for that page's client component (i18n/client-messages.ts). */
export async function PageMessages({ page, children }: { page: ClientPage; children: ReactNode }) {
  return <NextIntlClientProvider messages={clientMessages(await getMessages(), page)}>{children}</NextIntlClientProvider>;
}
