"use client";

import { type ReactNode, useSyncExternalStore } from "react";

/**
 * Content the visitor can hide for good (remembered in localStorage under `storageKey`), with a
 * small button that brings it back. The content itself comes from the server: it is not in the
 * page's scripts.
 */
const listeners = new Set<() => void>();
const subscribe = (l: () => void) => (listeners.add(l), () => listeners.delete(l));

export function Dismissible({
  storageKey,
  hideLabel,
  showLabel,
  children,
  className = "",
}: {
  storageKey: string;
  hideLabel: string;
  showLabel: string;
  children: ReactNode;
  className?: string;
}) {
  const hidden = useSyncExternalStore(subscribe, () => window.localStorage.getItem(storageKey) === "dismissed", () => false);
  const set = (value: boolean) => {
    if (value) window.localStorage.setItem(storageKey, "dismissed");
    else window.localStorage.removeItem(storageKey);
    listeners.forEach((l) => l());
  };
  if (hidden) {
    return (
      <button type="button" onClick={() => set(false)} className={`self-start text-sm underline focus-visible:outline-2 focus-visible:outline-offset-2 ${className}`}>
        {showLabel}
      </button>
    );
  }
  return (
    // The hide button sits in the content's top corner (the content leaves room for it: `pr-…` or a short first line).
    <div className={`relative flex flex-col ${className}`}>
      {children}
      <button
        type="button"
        onClick={() => set(true)}
        className="absolute top-3 right-3 rounded-md bg-white/70 dark:bg-zinc-950/40 border border-sky-400 px-3 py-1 text-sm hover:bg-sky-100 focus-visible:outline-2 focus-visible:outline-offset-2 dark:border-sky-700 dark:hover:bg-sky-900"
      >
        {hideLabel}
      </button>
    </div>
  );
}
