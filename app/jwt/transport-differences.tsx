"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Term } from "@/app/components/term";
import type { JwtTransport } from "@/lib/jwt-transport";

/** The transport named by its storage API, the same in every language. */
const LOCAL_STORAGE = "localStorage";

/** The plain differences between the two transports, with the lab that shows each. */
export function TransportDifferences({ transport }: { transport: JwtTransport }) {
  const t = useTranslations("transportDifferences");
  const revocable = t.rich("revocable", { denyList: (chunks) => <Term name="deny-list">{chunks}</Term> });
  const rows: { what: string; bearer: ReactNode; cookie: ReactNode; lab?: { href: string; label: string } }[] = [
    { what: t("script.what"), bearer: t("script.bearer"), cookie: t("script.cookie"), lab: { href: "/lab/xss", label: t("script.lab") } },
    { what: t("sent.what"), bearer: t("sent.bearer"), cookie: t("sent.cookie"), lab: { href: "/lab/attacker", label: t("sent.lab") } },
    { what: t("logout.what"), bearer: t("logout.bearer"), cookie: t("logout.cookie"), lab: { href: "#replay-lab", label: t("logout.lab") } },
    { what: t("copy.what"), bearer: t("copy.bearer"), cookie: t("copy.cookie") },
    { what: t("lookups.what"), bearer: revocable, cookie: revocable },
  ];
  return (
    <div>
      <table data-testid="jwt-transport-differences" className="w-full text-left text-sm">
        <thead>
          <tr className="text-zinc-600 dark:text-zinc-400">
            <th scope="col" className="py-0.5 pr-2 font-semibold"></th>
            <th scope="col" className={`py-0.5 pr-2 font-semibold ${transport === "bearer" ? "underline" : ""}`}>
              {LOCAL_STORAGE}
            </th>
            <th scope="col" className={`py-0.5 font-semibold ${transport === "cookie" ? "underline" : ""}`}>
              {t("cookie")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.what} className="border-t border-zinc-200 align-top dark:border-zinc-800">
              <th scope="row" className="py-1 pr-2 font-medium">
                {r.what}
                {r.lab ? (
                  <>
                    {" "}
                    <Link href={r.lab.href} className="font-normal underline">
                      ({r.lab.label})
                    </Link>
                  </>
                ) : null}
              </th>
              <td className="py-1 pr-2">{r.bearer}</td>
              <td className="py-1">{r.cookie}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
