import { useTranslations } from "next-intl";
import { GLOSSARY, GLOSSARY_TERMS, glossaryId } from "@/lib/client/glossary";

/** Every term's one-line definition, once per page and hidden: what app/components/term.tsx points at. */
export function GlossaryDefinitions() {
  const t = useTranslations("glossary");
  return (
    <div hidden>
      {GLOSSARY_TERMS.map((term) => (
        <span key={term} id={glossaryId(term)}>
          {t(`definitions.${GLOSSARY[term]}`)}
        </span>
      ))}
    </div>
  );
}
