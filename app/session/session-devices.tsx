"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { DeviceList, DeviceRow, SMALL_BUTTON } from "@/app/components/device-row";
import { When } from "@/app/components/when";
import type { Device } from "@/lib/auth/session-devices";
import { callApi } from "@/lib/client/api";
import type { Jsonify } from "@/lib/client/json";
import { useTimeline } from "@/lib/client/timeline";

/** The "this device" badge, in Session's colour. */
const BADGE = "bg-blue-100 text-blue-800 dark:bg-blue-900/60 dark:text-blue-200";

/** GET /api/session/devices, as the browser receives it. */
type Devices = { devices: Jsonify<Device>[]; limit: number };

/** Session mode's devices: every live session of the user, revoke one, revoke all others (S6). */
export function SessionDevices() {
  const t = useTranslations("sessionDevices");
  const [data, setData] = useState<Devices | null>(null);
  const activity = useTimeline("session").filter((e) => e.path !== "/api/session/devices").length;
  const load = useCallback(async () => {
    const r = await callApi("/api/session/devices");
    setData(r.status === 200 ? (r.body as Devices) : null);
  }, []);
  useEffect(() => void load(), [load, activity]);
  const revoke = async (body: object, label: string) => {
    await callApi("/api/session/devices/revoke", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }, "session", label);
    await load();
  };
  if (!data) return null;
  return (
    <div data-testid="session-devices" className="flex flex-col gap-1.5 text-sm">
      <div className="flex items-center gap-2">
        <h3 className="font-semibold">{t("heading", { count: data.devices.length, limit: data.limit })}</h3>
        {data.devices.length > 1 ? (
          <button type="button" className={`ml-auto ${SMALL_BUTTON}`} onClick={() => revoke({ others: true }, t("actions.revokeOthers"))}>
            {t("revokeOthers")}
          </button>
        ) : null}
      </div>
      <DeviceList label={t("listLabel")}>
        {data.devices.map((d) => (
          <DeviceRow
            key={d.id}
            label={d.label}
            current={d.current}
            badgeClass={BADGE}
            detail={t.rich("detail", { ip: d.ip ?? "", since: () => <When at={d.createdAt} />, seen: () => <When at={d.lastSeenAt} /> })}
            onRevoke={() => revoke({ id: d.id }, t("actions.revokeOne"))}
          />
        ))}
      </DeviceList>
      <p className="text-zinc-600 dark:text-zinc-400">{t("footnote")}</p>
    </div>
  );
}
