"use client";

import { useCallback, useEffect, useState } from "react";
import { Countdown } from "@/app/components/countdown";
import type { ChainLink } from "@/lib/auth/hybrid-devices";
import { callApi } from "@/lib/client/api";
import { familyTree } from "@/lib/client/family-tree";
import { refreshHybrid } from "@/lib/client/hybrid-store";
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
 */
export function RefreshChain({ graceSeconds }: { graceSeconds: number }) {
  const [links, setLinks] = useState<Link[]>([]);
  const [stolen, setStolen] = useState<{ capture: string; at: number } | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
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
    ? "steal a copy first"
    : !rotatedAt
      ? "let the page rotate it first (Refresh now)"
      : graceLeft > 0
        ? `ready in ${graceLeft} s: until then the grace window would hand the thief the page's own new token`
        : null;

  const load = useCallback(async () => {
    const r = await callApi("/api/hybrid/refresh/family");
    if (r.status === 200) setLinks((r.body as { links: Link[] }).links);
  }, []);
  useEffect(() => void load(), [load, activity]);

  return (
    <div data-testid="refresh-chain" className="flex flex-col gap-2 text-sm">
      <h3 className="font-semibold">This login&apos;s refresh tokens ({links.length})</h3>
      <p className="text-zinc-600 dark:text-zinc-400">
        One <Term name="refresh family" />, grown by <Term name="rotation" /> at every refresh; a replay of the newest used token within the{" "}
        <Term name="grace window" /> gets the same child back.
      </p>
      <ol tabIndex={0} aria-label="refresh tokens of this login" className={`flex max-h-40 flex-col gap-0.5 font-mono ${SCROLL_REGION}`}>
        {familyTree(links).map(({ link: l, depth, marker }) => (
          <li key={l.id} data-testid="chain-link" data-depth={depth} style={{ paddingLeft: `${depth * 1.25}rem` }} className={l.current ? "font-semibold" : "text-zinc-600 dark:text-zinc-400"}>
            {marker} {l.id} {l.current ? "← the cookie now" : ""}
            {l.revokedAt ? <span className="text-red-700 dark:text-red-400"> revoked ({l.revokedReason})</span> : l.usedAt ? <> used <When at={l.usedAt} /></> : " unused"}
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className={button}
          onClick={async () => {
            // The copy is the cookie this request carries: every refresh answered after it left
            // rotates that copy, even one answered before the capture's own answer arrives.
            const at = Date.now();
            const r = await callApi("/api/hybrid/refresh/lab/capture", { method: "POST" }, "hybrid", "steal a copy");
            setOutcome(null);
            setStolen(r.status === 200 ? { capture: (r.body as { capture: string }).capture, at } : null);
          }}
        >
          Steal a copy of the refresh token
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
              "thief replays the old token",
            );
            const b = r.body as { accepted: boolean; error?: string };
            setOutcome(b.accepted ? "accepted" : (b.error ?? "refused"));
            setStolen(null);
            await load();
            await refreshHybrid(); // the legitimate page tries its own, newer token next
          }}
        >
          Replay the stolen (old) copy
        </button>
        {replayBlocked ? (
          <span id="replay-blocked" data-testid="replay-blocked" className="text-zinc-600 dark:text-zinc-400">
            {replayBlocked}
          </span>
        ) : null}
      </div>
      {stolen && !rotatedAt ? <p>Stolen. Now let the page rotate it: press &quot;Refresh now&quot;.</p> : null}
      {stolen && rotatedAt && Date.now() < rotatedAt + graceSeconds * 1000 ? (
        <p>
          Rotated. For {graceSeconds} s the old token still gets the same new token again (a second tab, a lost answer): a thief replaying it
          now would only get the token this page already holds, never a branch of their own.{" "}
          <Countdown until={rotatedAt + graceSeconds * 1000} label="replay possible in" />
        </p>
      ) : null}
      {outcome ? (
        <p data-testid="reuse-outcome" className="rounded bg-red-50 px-2 py-1 text-red-800 dark:bg-red-950/40 dark:text-red-300">
          {outcome === "refresh_reused"
            ? "Reuse detected (refresh_reused): the whole family is revoked — the thief's copy and this page's newer token alike."
            : `The server answered: ${outcome}`}
        </p>
      ) : null}
    </div>
  );
}
