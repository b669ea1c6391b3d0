"use client";

import { useSyncExternalStore } from "react";

/**
 * Which of the panels' collapsible sections the visitor opened, remembered in localStorage so a
 * reload keeps them as they were. Closed by default: a panel's first screen answers who you are,
 * what your browser holds and what the server received; the rest is one click away.
 */
export const SECTIONS_KEY = "loginlab.sections";

const listeners = new Set<() => void>();
let cache: { raw: string | null; value: Record<string, boolean> } = { raw: null, value: {} };

function read(): Record<string, boolean> {
  const raw = window.localStorage.getItem(SECTIONS_KEY);
  if (raw !== cache.raw) {
    let value: Record<string, boolean> = {};
    try {
      const parsed: unknown = raw ? JSON.parse(raw) : {};
      if (parsed && typeof parsed === "object") value = parsed as Record<string, boolean>;
    } catch {
      /* a damaged entry: start over */
    }
    cache = { raw, value };
  }
  return cache.value;
}

export function setSectionOpen(id: string, open: boolean) {
  if (read()[id] === open) return;
  window.localStorage.setItem(SECTIONS_KEY, JSON.stringify({ ...read(), [id]: open }));
  listeners.forEach((l) => l());
}

const EMPTY: Record<string, boolean> = {};

export function useSectionOpen(id: string): boolean {
  const all = useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    read,
    () => EMPTY,
  );
  return all[id] === true;
}
