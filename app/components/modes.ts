import type { Mode } from "@/lib/client/modes";

export type { Mode };

/**
 * The three modes and their one accent each, used everywhere that mode appears. Their names and
 * one-line summaries are messages (`modes.<mode>.title`, `modes.<mode>.tagline`).
 */
export const MODES: Record<Mode, { accent: { bar: string; text: string; soft: string; ring: string; button: string } }> = {
  session: {
    accent: {
      bar: "bg-blue-600",
      text: "text-blue-700 dark:text-blue-300",
      soft: "bg-blue-50 dark:bg-blue-950/40",
      ring: "focus-visible:outline-blue-600",
      button: "bg-blue-600 hover:bg-blue-700 text-white",
    },
  },
  jwt: {
    accent: {
      bar: "bg-amber-500",
      text: "text-amber-700 dark:text-amber-300",
      soft: "bg-amber-50 dark:bg-amber-950/40",
      ring: "focus-visible:outline-amber-600",
      button: "bg-amber-700 hover:bg-amber-800 text-white",
    },
  },
  hybrid: {
    accent: {
      bar: "bg-emerald-600",
      text: "text-emerald-700 dark:text-emerald-300",
      soft: "bg-emerald-50 dark:bg-emerald-950/40",
      ring: "focus-visible:outline-emerald-600",
      button: "bg-emerald-700 hover:bg-emerald-800 text-white",
    },
  },
};
