"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { Countdown } from "@/app/components/countdown";
import type { ChainLink } from "@/lib/auth/hybrid-devices";
import { callApi } from "@/lib/client/api";
import { familyTree } from "@/lib/client/family-tree";
import { durationValues } from "@/lib/i18n/duration";
import { hybridState, refreshHybrid } from "@/lib/client/hybrid-store";
import { setReuseResult } from "@/lib/client/reuse-result";
import type { Jsonify } from "@/lib/client/json";
import { useTimeline } from "@/lib/client/timeline";
import { When } from "@/app/components/when";
import { Term } from "@/app/components/term";
import { SCROLL_REGION } from "@/app/components/controls";

type Link = Jsonify<ChainLink>;

const button = "rounded-md border border-zinc-300 px-2 py-1 text-sm hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800";

/**
 * The refresh-token chain of this browser's family, and the reuse lab (G3): steal a copy of the
 * refresh token, let the page rotate it, replay the stolen copy — the whole family is revoked.
 * What the replay got, and what the revocation did to this page's own token, outlives this
 * section (the panel logs out and closes it): lib/client/reuse-result.ts, shown by the panel.
 */
export function RefreshChain({ graceSeconds }: { graceSeconds: number }) {
  const t = useTranslations("refreshChain");
  const [links, setLinks] = useState<Link[]>([]);
  const [stolen, setStolen] = useState<{ capture: string; at: number } | null>(null);
  const timeline = useTimeline("hybrid");
  const activity = timeline.filter((e) => e.path !== "/api/hybrid/refresh/family").length;
  const [, tick] = useState(0);
  useEffect(() => {
    const t = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(t);
  }, []);
  const rotatedAt = stolen ? timeline.find((e) => e.path === "/api/hybrid/refresh" && e.status === 200 && e.at > stolen.at)?.at : undefined;
  const graceLeft = rotatedAt ? Math.ceil((rotatedAt + graceSeconds * 1000 - Date.now()) / 1000) : 0;
  // Why the replay button is not ready yet, said next to it (the page re-renders every second).
  const replayBlocked = !stolen
    ? t("stealFirst")
    : !rotatedAt
      ? t("rotateFirst")
      : graceLeft > 0
        ? t("readyIn", { seconds: graceLeft })
        : null;

  const load = useCallback(async () => {
    const r = await callApi("/api/hybrid/refresh/family");
    if (r.status === 200) setLinks((r.body as { links: Link[] }).links);
  }, []);
  useEffect(() => void load(), [load, activity]);

  return (
    <div data-testid="refresh-chain" className="flex flex-col gap-2 text-sm">
      <h3 className="font-semibold">{t("heading", { count: links.length })}</h3>
      <p className="text-zinc-600 dark:text-zinc-400">
        {t.rich("intro", {
          family: () => <Term name="refresh family" />,
          rotation: () => <Term name="rotation" />,
          grace: () => <Term name="grace window" />,
        })}
      </p>
      <ol tabIndex={0} aria-label={t("listLabel")} className={`flex max-h-40 flex-col gap-0.5 font-mono ${SCROLL_REGION}`}>
        {familyTree(links).map(({ link: l, depth, marker }) => {
          const usedAt = l.usedAt; // narrowed below, inside the message's tag too
          // The token the cookie holds now, waiting for the next refresh: in use, not used up.
          const waiting = l.current && !l.revokedAt && !usedAt;
          return (
            <li key={l.id} data-testid="chain-link" data-depth={depth} style={{ paddingLeft: `${depth * 1.25}rem` }} className={l.current ? "font-semibold" : "text-zinc-600 dark:text-zinc-400"}>
              {marker} {l.id}{" "}
              {waiting ? (
                <span data-testid="chain-state">{t("currentUnused")}</span>
              ) : (
                <span data-testid="chain-state">
                  {l.current ? `${t("current")} ` : null}
                  {l.revokedAt ? (
                    <span className="text-red-700 dark:text-red-400">{t("revoked", { reason: l.revokedReason ?? "" })}</span>
                  ) : usedAt ? (
                    t.rich("used", { when: () => <When at={usedAt} /> })
                  ) : (
                    t("unused")
                  )}
                </span>
              )}
            </li>
          );
        })}
      </ol>
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className={button}
          onClick={async () => {
            // The copy is the cookie this request carries: every refresh answered after it left
            // rotates that copy, even one answered before the capture's own answer arrives.
            const at = Date.now();
            const r = await callApi("/api/hybrid/refresh/lab/capture", { method: "POST" }, "hybrid", t("stealLabel"));
            setStolen(r.status === 200 ? { capture: (r.body as { capture: string }).capture, at } : null);
          }}
        >
          {t("steal")}
        </button>
        <button
          type="button"
          className={button}
          disabled={replayBlocked !== null}
          aria-describedby="replay-blocked"
          onClick={async () => {
            const r = await callApi(
              "/api/hybrid/lab/replay",
              { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ capture: stolen?.capture, rotate: true }) },
              "hybrid",
              t("replayLabel"),
            );
            const b = r.body as { accepted?: boolean; status?: number; error?: string } | null;
            const thief = { accepted: b?.accepted === true, status: typeof b?.status === "number" ? b.status : null, code: b?.error ?? null };
            setStolen(null);
            // The family as the store now holds it, seen through this page's own (still unused) cookie.
            const family = await callApi("/api/hybrid/refresh/family");
            const after = family.status === 200 ? (family.body as { links: Link[] }).links : null;
            if (after) setLinks(after);
            const revoked = after?.filter((l) => l.revokedAt) ?? [];
            // The legitimate page tries its own, newer token next: refused, it logs the panel out
            // and this section closes — the result stays with the panel (ReuseResultBox).
            const ok = await refreshHybrid();
            const s = hybridState();
            setReuseResult({
              thief,
              family: after ? { tokens: after.length, revoked: revoked.length, reason: revoked[0]?.revokedReason ?? null } : null,
              page: { ok, status: s.status === "out" ? (s.httpStatus ?? null) : 200, code: s.status === "out" ? s.reason : null },
            });
          }}
        >
          {t("replay")}
        </button>
        {replayBlocked ? (
          <span id="replay-blocked" data-testid="replay-blocked" className="text-zinc-600 dark:text-zinc-400">
            {replayBlocked}
          </span>
        ) : null}
      </div>
      {stolen && !rotatedAt ? <p>{t("stolen")}</p> : null}
      {stolen && rotatedAt && Date.now() < rotatedAt + graceSeconds * 1000 ? (
        <p>
          {t("rotated", durationValues(graceSeconds))}{" "}
          <Countdown until={rotatedAt + graceSeconds * 1000} label={t("replayPossibleIn")} />
        </p>
      ) : null}
    </div>
  );
}
