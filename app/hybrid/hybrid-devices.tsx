"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { DeviceList, DeviceRow } from "@/app/components/device-row";
import { When } from "@/app/components/when";
import type { FamilyDevice } from "@/lib/auth/hybrid-devices";
import { callApi } from "@/lib/client/api";
import { currentAccessToken, hybridFetch } from "@/lib/client/hybrid-store";
import type { Jsonify } from "@/lib/client/json";
import { useTimeline } from "@/lib/client/timeline";

/** The "this device" badge, in Hybrid's accent. */
const BADGE = "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/60 dark:text-emerald-200";

/** Hybrid mode's devices: one refresh-token family per login; revoking one stops its refreshes. */
export function HybridDevices() {
  const t = useTranslations("hybridDevices");
  const [devices, setDevices] = useState<Jsonify<FamilyDevice>[] | null>(null);
  const activity = useTimeline("hybrid").filter((e) => !e.path.startsWith("/api/hybrid/devices")).length;
  const load = useCallback(async () => {
    const r = await hybridFetch("/api/hybrid/devices", { quiet: true });
    setDevices(r.status === 200 ? (r.body as { devices: Jsonify<FamilyDevice>[] }).devices : null);
  }, []);
  useEffect(() => void load(), [load, activity]);
  if (!devices) return null;
  return (
    <div data-testid="hybrid-devices" className="flex flex-col gap-1.5 text-sm">
      <h3 className="font-semibold">{t("heading", { count: devices.length })}</h3>
      <DeviceList label={t("listLabel")}>
        {devices.map((d) => (
          <DeviceRow
            key={d.familyId}
            label={d.label}
            current={d.current}
            badgeClass={BADGE}
            detail={t.rich("detail", { count: d.rotations, when: () => <When at={d.lastRefreshAt} /> })}
            onRevoke={async () => {
              await callApi(
                "/api/hybrid/devices/revoke",
                { method: "POST", headers: { "content-type": "application/json", ...bearerHeader() }, body: JSON.stringify({ familyId: d.familyId }) },
                "hybrid",
                t("revokeLabel"),
              );
              await load();
            }}
          />
        ))}
      </DeviceList>
    </div>
  );
}

function bearerHeader(): Record<string, string> {
  const token = currentAccessToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}
