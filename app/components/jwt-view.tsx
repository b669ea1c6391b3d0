import { useTranslations } from "next-intl";
import { splitJwt } from "@/lib/client/jwt-parts";
import { CopyButton } from "./copy-button";
import { Term } from "./term";
import { strong } from "@/app/components/rich-tags";

/** The colours of a JWT's parts, the same everywhere. */
const JWT_COLORS = {
  header: "text-rose-600 dark:text-rose-400",
  payload: "text-violet-600 dark:text-violet-400",
  signature: "text-cyan-700 dark:text-cyan-400",
};

/** A JWT split into coloured header · payload · signature, with its decoded payload below. */
export function JwtView({ token, showPayload = true }: { token: string; showPayload?: boolean }) {
  const t = useTranslations("jwtView");
  const parts = splitJwt(token);
  if (!parts) return <code className="font-mono text-xs break-all">{token}</code>;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-start gap-2">
        <code data-testid="jwt-raw" className="min-w-0 flex-1 font-mono text-xs leading-relaxed break-all">
          <span className={JWT_COLORS.header}>{parts.raw[0]}</span>.<span className={JWT_COLORS.payload}>{parts.raw[1]}</span>.
          <span className={JWT_COLORS.signature}>{parts.raw[2]}</span>
        </code>
        <CopyButton value={token} />
      </div>
      {showPayload ? (
        <div className="grid gap-1 text-sm">
          <p className="text-zinc-600 dark:text-zinc-400">{t.rich("readable", { strong })}</p>
          <pre className={`rounded bg-white p-2 font-mono break-words whitespace-pre-wrap dark:bg-zinc-900 ${JWT_COLORS.header}`}>{JSON.stringify(parts.header)}</pre>
          <pre className={`rounded bg-white p-2 font-mono break-words whitespace-pre-wrap dark:bg-zinc-900 ${JWT_COLORS.payload}`}>
            {JSON.stringify(parts.payload, null, 1)}
          </pre>
          <p className="text-zinc-600 dark:text-zinc-400">
            {t.rich("fields", {
              iss: () => <Term name="iss" />,
              aud: () => <Term name="aud" />,
              jti: () => <Term name="jti" />,
              kid: () => <Term name="kid" />,
              typ: () => <Term name="typ" />,
              jwks: () => <Term name="JWKS" />,
            })}
          </p>
        </div>
      ) : null}
    </div>
  );
}
