import { SEED_POST } from "@/lib/seed-post";
import { latestResults } from "@/lib/claims";
import { CLAIMS } from "@/lib/claims-list";
import { cluster } from "@/lib/scale";
import { ClaimRows } from "./claim-rows";

export const metadata = { title: "Claims — Login Lab" };
export const dynamic = "force-dynamic";

/** Every claim of the post, one row each, with a live check on this instance. */
export default function ClaimsPage() {
  return (
    <div className="flex max-w-6xl flex-col gap-4">
      <div className="max-w-3xl">
        <h1 className="text-2xl font-semibold tracking-tight">Every claim of the post, checked here</h1>
        <p className="mt-2 text-zinc-600 dark:text-zinc-400">
          The post{" "}
          <a href={SEED_POST.url} className="underline" lang="ko">
            {SEED_POST.title}
          </a>{" "}
          makes 22 claims about session and token login. Each row below checks one on this instance — a real login, a real store row, a real token,
          made for a probe user of its own and logged out at once — and gives the verdict with the numbers it measured: <em>holds</em>,{" "}
          <em>holds, with a caveat</em>, or <em>does not hold here</em>. Each links to where the app shows it in full.
          {cluster() ? (
            " The scale-out claims run between the cluster's processes."
          ) : (
            <>
              {" "}
              The scale-out claims (S7, T4, T7) check more with the cluster running: <code className="font-mono text-sm">npm run cluster</code>.
            </>
          )}
        </p>
      </div>
      <ClaimRows claims={CLAIMS} initial={latestResults()} />
    </div>
  );
}
