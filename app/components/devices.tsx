"use client";

import { useCallback, useEffect, useState } from "react";
import { callApi } from "@/lib/client/api";
import { currentAccessToken, hybridFetch } from "@/lib/client/hybrid-store";
import { useTimeline } from "@/lib/client/timeline";

type SessionDevice = { id: string; device: string; ip: string | null; createdAt: string; lastSeenAt: string; current: boolean };
type FamilyDevice = { familyId: string; device: string; ip: string | null; createdAt: string; lastRefreshAt: string; rotations: number; current: boolean };

const time = (iso: string) => new Date(iso).toLocaleTimeString();
const button = "rounded border border-zinc-300 px-2 py-0.5 text-xs hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800";

/** Session mode's devices: every live session of the user, revoke one, revoke all others (S6). */
export function SessionDevices() {
  const [data, setData] = useState<{ devices: SessionDevice[]; limit: number } | null>(null);
  const activity = useTimeline("session").filter((e) => e.path !== "/api/session/devices").length;
  const load = useCallback(async () => {
    const r = await callApi("/api/session/devices");
    setData(r.status === 200 ? (r.body as { devices: SessionDevice[]; limit: number }) : null);
  }, []);
  useEffect(() => void load(), [load, activity]);
  const revoke = async (body: object, label: string) => {
    await callApi("/api/session/devices/revoke", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }, "session", label);
    await load();
  };
  if (!data) return null;
  return (
    <div data-testid="session-devices" className="flex flex-col gap-1.5 text-xs">
      <div className="flex items-center gap-2">
        <h3 className="font-semibold">
          Your devices: {data.devices.length} of at most {data.limit} sessions
        </h3>
        {data.devices.length > 1 ? (
          <button type="button" className={`ml-auto ${button}`} onClick={() => revoke({ others: true }, "revoke all others")}>
            Revoke all others
          </button>
        ) : null}
      </div>
      <ul className="flex max-h-48 flex-col gap-1 overflow-auto">
        {data.devices.map((d) => (
          <li key={d.id} data-testid="device" className="flex items-center gap-2 rounded bg-zinc-50 px-2 py-1 dark:bg-zinc-950/40">
            <span className="min-w-0 flex-1">
              <span className="font-medium">{d.device}</span>
              {d.current ? <span className="ml-1 rounded bg-blue-100 px-1 text-blue-800 dark:bg-blue-900/60 dark:text-blue-200">this device</span> : null}
              <span className="block text-zinc-500">
                {d.ip} · since {time(d.createdAt)} · last seen {time(d.lastSeenAt)}
              </span>
            </span>
            {d.current ? null : (
              <button type="button" className={button} onClick={() => revoke({ id: d.id }, "revoke one")}>
                Revoke
              </button>
            )}
          </li>
        ))}
      </ul>
      <p className="text-zinc-500">A revoked device is refused on its very next request, and told why. Logging in past the limit evicts the oldest.</p>
    </div>
  );
}

/** Hybrid mode's devices: one refresh-token family per login; revoking one stops its refreshes. */
export function HybridDevices() {
  const [devices, setDevices] = useState<FamilyDevice[] | null>(null);
  const activity = useTimeline("hybrid").filter((e) => !e.path.startsWith("/api/hybrid/devices")).length;
  const load = useCallback(async () => {
    const r = await hybridFetch("/api/hybrid/devices");
    setDevices(r.status === 200 ? (r.body as { devices: FamilyDevice[] }).devices : null);
  }, []);
  useEffect(() => void load(), [load, activity]);
  if (!devices) return null;
  return (
    <div data-testid="hybrid-devices" className="flex flex-col gap-1.5 text-xs">
      <h3 className="font-semibold">Your devices: {devices.length} refresh-token {devices.length === 1 ? "family" : "families"}</h3>
      <ul className="flex max-h-40 flex-col gap-1 overflow-auto">
        {devices.map((d) => (
          <li key={d.familyId} data-testid="device" className="flex items-center gap-2 rounded bg-zinc-50 px-2 py-1 dark:bg-zinc-950/40">
            <span className="min-w-0 flex-1">
              <span className="font-medium">{d.device}</span>
              {d.current ? <span className="ml-1 rounded bg-emerald-100 px-1 text-emerald-800 dark:bg-emerald-900/60 dark:text-emerald-200">this device</span> : null}
              <span className="block text-zinc-500">
                {d.rotations} rotations · last refresh {time(d.lastRefreshAt)}
              </span>
            </span>
            {d.current ? null : (
              <button
                type="button"
                className={button}
                onClick={async () => {
                  await callApi(
                    "/api/hybrid/devices/revoke",
                    { method: "POST", headers: { "content-type": "application/json", ...(await bearerHeader()) }, body: JSON.stringify({ familyId: d.familyId }) },
                    "hybrid",
                    "revoke device",
                  );
                  await load();
                }}
              >
                Revoke
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

async function bearerHeader(): Promise<Record<string, string>> {
  const token = currentAccessToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}
