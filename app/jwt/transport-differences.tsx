"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { Term } from "@/app/components/term";
import type { JwtTransport } from "@/lib/jwt-transport";

/** The plain differences between the two transports, with the lab that shows each. */
export function TransportDifferences({ transport }: { transport: JwtTransport }) {
  const revocable = (
    <>
      0 (if revocable: 1 <Term name="deny-list" /> lookup per instance, then kept in memory)
    </>
  );
  const rows: { what: string; bearer: ReactNode; cookie: ReactNode; lab?: { href: string; label: string } }[] = [
    { what: "An injected script", bearer: "reads the token and takes it away", cookie: "cannot read it — but can use it while the page is open", lab: { href: "/lab/xss", label: "XSS lab" } },
    { what: "Sent by the browser on its own", bearer: "never: no cross-site request can carry it", cookie: "yes, so SameSite matters: Lax keeps it off cross-site POSTs and fetches", lab: { href: "/lab/attacker", label: "cross-site lab" } },
    { what: "Log out", bearer: "the page forgets it", cookie: "the server deletes the cookie", lab: { href: "#replay-lab", label: "replay lab" } },
    { what: "A copy after logout", bearer: "works until exp", cookie: "works until exp, all the same" },
    { what: "Store lookups per request", bearer: revocable, cookie: revocable },
  ];
  return (
    <div>
      <table data-testid="jwt-transport-differences" className="w-full text-left text-sm">
        <thead>
          <tr className="text-zinc-600 dark:text-zinc-400">
            <th scope="col" className="py-0.5 pr-2 font-semibold"></th>
            <th scope="col" className={`py-0.5 pr-2 font-semibold ${transport === "bearer" ? "underline" : ""}`}>
              localStorage
            </th>
            <th scope="col" className={`py-0.5 font-semibold ${transport === "cookie" ? "underline" : ""}`}>
              HttpOnly cookie
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
