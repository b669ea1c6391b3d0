"use client";

import { type ReactNode, useState } from "react";
import type { GlossaryTerm } from "@/lib/client/glossary";
import { glossaryId } from "@/lib/client/glossary-id";

/**
 * A term with its one-line explanation, shown on hover and on keyboard focus, and read by screen
 * readers as the term's description. The explanation itself is in the page once, rendered by the
 * server (app/components/glossary-definitions.tsx); Escape hides the tooltip again.
 */
export function Term({ name, children }: { name: GlossaryTerm; children?: ReactNode }) {
  const [text, setText] = useState<string | null>(null);
  const show = () => setText(document.getElementById(glossaryId(name))?.textContent ?? null);
  const hide = () => setText(null);
  return (
    <span className="relative inline-block" onMouseEnter={show} onMouseLeave={hide}>
      <span
        tabIndex={0}
        data-term={name}
        aria-describedby={glossaryId(name)}
        onFocus={show}
        onBlur={hide}
        onKeyDown={(e) => e.key === "Escape" && hide()}
        className="cursor-help underline decoration-dotted underline-offset-2 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-zinc-500"
      >
        {children ?? name}
      </span>
      {text ? (
        <span
          role="tooltip"
          data-testid="term-tooltip"
          className="absolute bottom-full left-0 z-20 mb-1 block w-64 rounded-md bg-zinc-900 px-2 py-1.5 text-sm font-normal text-white shadow-lg dark:bg-zinc-100 dark:text-zinc-900"
        >
          <strong className="font-semibold">{name}</strong>: {text}
        </span>
      ) : null}
    </span>
  );
}
