"use client";

import { useSyncExternalStore } from "react";
import { JWT_TRANSPORT_COOKIE, type JwtTransport, jwtTransportOf } from "../jwt-transport";
import { namespaced, pageNamespace } from "../cookie-namespace";

/**
 * JWT mode keeps its token in localStorage: it survives reloads and is readable by any script on
 * this origin, including an injected one. That is the trade-off this mode demonstrates.
 */
export const JWT_STORAGE_KEY = "loginlab.jwt";

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => e.key === JWT_STORAGE_KEY && listener();
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

export function readStoredJwt(): string | null {
  return window.localStorage.getItem(JWT_STORAGE_KEY);
}

export function storeJwt(token: string) {
  window.localStorage.setItem(JWT_STORAGE_KEY, token);
  notify();
}

export function forgetJwt() {
  window.localStorage.removeItem(JWT_STORAGE_KEY);
  notify();
}

/** The stored token; `undefined` while rendering on the server (it cannot know). */
export function useStoredJwt(): string | null | undefined {
  return useSyncExternalStore(subscribe, readStoredJwt, () => undefined);
}

/** The transport this browser chose last (its cookie is readable by script: it is no credential). */
export function chosenJwtTransport(): JwtTransport {
  const name = namespaced(pageNamespace(), JWT_TRANSPORT_COOKIE);
  const pair = document.cookie.split("; ").find((c) => c.startsWith(`${name}=`));
  return jwtTransportOf(pair?.slice(name.length + 1));
}
