"use client";

import { lazy, type ReactNode, Suspense, useSyncExternalStore } from "react";

const Sections = lazy(() => import("./below-the-fold-sections"));

const subscribe = () => () => {};

/**
 * The home page's sections below the three panels — the replay lab, the forged-credentials lab and
 * the store view — load once the page is interactive, so their code is not among the scripts the
 * page's HTML loads. They act on a click or poll the API, so the server has nothing of theirs worth
 * rendering: it sends `placeholder` (app/components/section-placeholder.tsx), and right after
 * hydration the browser fetches the sections' chunk (React.lazy; next/dynamic would add more code to
 * the first load than it takes away here).
 */
export function BelowTheFold({ placeholder }: { placeholder: ReactNode }) {
  const hydrated = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  return hydrated ? (
    <Suspense fallback={placeholder}>
      <Sections />
    </Suspense>
  ) : (
    placeholder
  );
}
