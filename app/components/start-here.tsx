import { Dismissible } from "./dismissible";

/** "Start here": the first steps of a first visit, numbered; dismissed once, it stays dismissed. */
const STEPS = [
  <>
    <strong>Log in on each panel</strong> — Session, JWT and Hybrid. The forms are filled in for you; each panel then says who you are and until
    when.
  </>,
  <>
    <strong>Open your browser&apos;s devtools</strong> (F12 → Application → Cookies and Local Storage) and compare with each panel&apos;s
    &quot;What your browser holds&quot;: the HttpOnly cookies are there, but page script cannot see them.
  </>,
  <>
    <strong>Call each API</strong> with the &quot;call GET …/mypage&quot; button, then open &quot;Requests&quot;: which credential travelled, who
    attached it, its size, and how many store lookups the server needed.
  </>,
  <>
    <strong>Log out, then replay a copy</strong> in{" "}
    <a href="#replay-lab" className="underline">
      Replay after logout
    </a>
    : the session is refused at once; a JWT copy keeps working until it expires.
  </>,
];

export function StartHere() {
  return (
    <Dismissible storageKey="loginlab.start-here" hideLabel="Got it — hide these steps" showLabel="Show the first steps again">
      <section
        aria-labelledby="start-here-title"
        data-testid="start-here"
        className="flex max-w-3xl flex-col gap-2 rounded-xl border border-sky-300 bg-sky-50 p-4 text-sm text-sky-950 dark:border-sky-800 dark:bg-sky-950/40 dark:text-sky-100"
      >
        <h2 id="start-here-title" className="font-semibold">
          Start here: four steps
        </h2>
        <ol className="list-inside list-decimal space-y-1">
          {STEPS.map((step, i) => (
            <li key={i}>{step}</li>
          ))}
        </ol>
      </section>
    </Dismissible>
  );
}
