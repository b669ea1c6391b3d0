import { useTranslations } from "next-intl";
import { Dismissible } from "./dismissible";
import { strong } from "@/app/components/rich-tags";

/** "Start here": the first steps of a first visit, numbered; dismissed once, it stays dismissed. */
const STEPS = ["logIn", "devtools", "callApi", "replay"] as const;

export function StartHere({ publicMode, className }: { publicMode: boolean; className?: string }) {
  const t = useTranslations("startHere");
  return (
    <Dismissible storageKey="loginlab.start-here" hideLabel={t("hide")} showLabel={t("show")} className={className}>
      <section
        aria-labelledby="start-here-title"
        data-testid="start-here"
        className="flex flex-col gap-2 rounded-xl border border-sky-300 bg-sky-50 p-4 text-sm text-sky-950 dark:border-sky-800 dark:bg-sky-950/40 dark:text-sky-100"
      >
        <h2 id="start-here-title" className="pr-52 font-semibold">
          {t("title")}
        </h2>
        <ol className="list-inside list-decimal space-y-1">
          {STEPS.map((step) => (
            <li key={step}>
              {t.rich(step === "logIn" && publicMode ? "steps.logInPublic" : `steps.${step}`, {
                strong,
                link: (chunks) => (
                  <a href="#replay-lab" className="underline">
                    {chunks}
                  </a>
                ),
              })}
            </li>
          ))}
        </ol>
      </section>
    </Dismissible>
  );
}
