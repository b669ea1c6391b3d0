"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useRef, useState } from "react";
import { GLOSSARY, type GlossaryTerm, isWord } from "@/lib/client/glossary";
import { glossaryId } from "@/lib/client/glossary-id";

/**
 * A term with its one-line explanation, shown on hover and on keyboard focus, and read by screen
 * readers as the term's description. The explanation itself is in the page once, rendered by the
 * server (app/components/glossary-definitions.tsx); Escape hides the tooltip again. A term that is
 * a word is named in the page's language; an identifier is shown as it is (and, shown by its name,
 * marked as not to be translated).
 */
export function Term({ name, children }: { name: GlossaryTerm; children?: ReactNode }) {
  const [tip, setTip] = useState<{ text: string; shift: number } | null>(null);
  const term = useRef<HTMLSpanElement>(null);
  const t = useTranslations("glossary");
  const word = isWord(name);
  const label = word ? t(`names.${GLOSSARY[name]}`) : name;
  const show = () => {
    const text = document.getElementById(glossaryId(name))?.textContent;
    if (!text || !term.current) return;
    // Keep the tooltip (16rem wide at most) inside the window: shift it left near the right edge.
    const width = Math.min(256, window.innerWidth - 16);
    const shift = Math.max(0, term.current.getBoundingClientRect().left + width + 8 - window.innerWidth);
    setTip({ text, shift });
  };
  const hide = () => setTip(null);
  return (
    <span className="relative inline-block" onMouseEnter={show} onMouseLeave={hide}>
      <span
        ref={term}
        tabIndex={0}
        data-term={name}
        translate={word || children !== undefined ? undefined : "no"}
        aria-describedby={glossaryId(name)}
        onFocus={show}
        onBlur={hide}
        onKeyDown={(e) => e.key === "Escape" && hide()}
        className="cursor-help underline decoration-dotted underline-offset-2 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-zinc-500"
      >
        {children ?? label}
      </span>
      {tip ? (
        <span
          role="tooltip"
          data-testid="term-tooltip"
          style={{ left: -tip.shift, width: "min(16rem, calc(100vw - 1rem))" }}
          className="absolute bottom-full z-20 mb-1 block rounded-md bg-zinc-900 px-2 py-1.5 text-sm font-normal text-white shadow-lg dark:bg-zinc-100 dark:text-zinc-900"
        >
          <strong className="font-semibold">{label}</strong>: {tip.text}
        </span>
      ) : null}
    </span>
  );
}
