"use client";

import { useEffect, useState } from "react";

function format(ms: number) {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}h ${String(m).padStart(2, "0")}m ${sec}s` : `${m}:${sec}`;
}

/** Time left until `until` (epoch ms), ticking each second; says "expired" at zero. */
export function Countdown({ until, label = "expires in" }: { until: number; label?: string }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  if (now === null) return <span className="tabular-nums">…</span>;
  const left = until - now;
  return left > 0 ? (
    <span className="tabular-nums" data-testid="countdown">
      {label} <strong>{format(left)}</strong>
    </span>
  ) : (
    <span className="font-semibold text-red-600 dark:text-red-400" data-testid="countdown">
      expired
    </span>
  );
}
