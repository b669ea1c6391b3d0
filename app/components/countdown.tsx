"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

function format(ms: number, t: ReturnType<typeof useTranslations<"countdown">>) {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, "0");
  // Past an hour, in words: "1h 05m 09s" (the message pads), "1시간 5분 9초" (Korean units take no zero).
  return h > 0 ? t("hoursLeft", { h, m, s: s % 60 }) : `${m}:${sec}`;
}

/** Time left until `until` (epoch ms), ticking each second; says "expired" at zero. */
export function Countdown({ until, label }: { until: number; label?: string }) {
  const t = useTranslations("countdown");
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  if (now === null) return <span className="tabular-nums">…</span>;
  const left = until - now;
  return left > 0 ? (
    <span className="tabular-nums" data-testid="countdown">
      {label ?? t("expiresIn")} <strong>{format(left, t)}</strong>
    </span>
  ) : (
    <span className="font-semibold text-red-600 dark:text-red-400" data-testid="countdown">
      {t("expired")}
    </span>
  );
}
