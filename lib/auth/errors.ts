/**
 * Every expected failure of Login Lab's auth has a stable code (what clients and tests switch on),
 * an HTTP status and a human message. Unexpected failures are thrown and end as a plain 500.
 */
export const AUTH_ERRORS = {
  invalid_body: [400, "The request body must be JSON like {\"username\": \"alice\", \"password\": \"…\"}."],
  body_too_large: [413, "The request body is too large."],
  unsupported_media_type: [415, "Send the body as application/json."],
  invalid_credentials: [401, "Invalid username or password."],
  rate_limited: [429, "Too many failed logins. Wait before trying again."],
  busy: [503, "The server is checking as many passwords as it can right now. Try again in a moment."],
  session_missing: [401, "No session cookie was sent."],
  session_invalid: [401, "The session cookie is not one this server sealed (tampered, garbage or from another key)."],
  session_expired: [401, "The session has expired."],
  session_revoked: [401, "The session no longer exists on the server (logged out or revoked)."],
  session_not_on_this_instance: [401, "This instance has no such session: it lives in the memory of the instance that logged it in (SESSION_STORE=memory)."],
  session_evicted: [401, "The session was ended to make room: too many sessions for this user."],
  token_missing: [401, "No access token: send Authorization: Bearer <token>, or the JWT cookie a cookie-transport login sets."],
  token_malformed: [401, "The access token is not a well-formed JWS compact token."],
  token_signature_invalid: [401, "The token's signature does not match its contents: it was altered or signed with another key."],
  token_alg_not_allowed: [401, "The token's algorithm is not on the allow-list (EdDSA only)."],
  token_header_forbidden: [401, "The token header names a key source (jku, x5u, jwk, x5c) that this server never trusts."],
  token_unknown_kid: [401, "The token names a key id (kid) this server does not have."],
  token_expired: [401, "The token has expired."],
  token_not_yet_valid: [401, "The token is not valid yet (nbf/iat in the future)."],
  token_claim_invalid: [401, "A token claim (iss, aud, typ, sub, jti) is missing or wrong for this API."],
  token_revoked: [401, "The token was logged out and its jti is on the deny-list."],
  jwt_cookie_invalid: [401, "The JWT cookie holds no token this server signed for the JWT API (tampered, garbage, another key or another audience)."],
  jwt_cookie_expired: [401, "The token in the JWT cookie has expired."],
  jwt_cookie_revoked: [401, "The token in the JWT cookie was logged out and its jti is on the deny-list."],
  refresh_missing: [401, "No refresh cookie was sent."],
  refresh_invalid: [401, "The refresh token is unknown to the server."],
  refresh_expired: [401, "The refresh token has expired."],
  refresh_revoked: [401, "The refresh token's family was revoked."],
  refresh_reused: [401, "This refresh token was already used: its whole family has been revoked (possible theft)."],
  not_found: [404, "No such route."],
  cross_site_request: [403, "This request came from another site (its Origin is not this one): refused."],
} as const satisfies Record<string, readonly [number, string]>;

export type AuthErrorCode = keyof typeof AUTH_ERRORS;

/**
 * Where a code has more than one cause worth telling apart (an idle session vs one at its maximum
 * lifetime), the failure names it: a detail key and its values. The message is the English
 * template below with the values put in; clients get the key and values too (`detail` in the JSON)
 * and say it in the visitor's language (`errorDetails.<key>` in messages/*.json, which
 * lib/i18n/messages.test.ts keeps equal to these templates in English).
 */
export const AUTH_DETAILS = {
  idle: "The session expired: it was idle for too long.",
  lifetime: "The session reached its maximum lifetime.",
  evicted: "This session was ended to make room: at most {max} sessions per user, and a newer login took its place.",
  revokedByUser: "This session was revoked from another device.",
  familyRevoked: "The refresh token's family was revoked ({reason}).",
  alreadyRotated: "Already rotated: presenting it would revoke the family.",
  throwawayPerAddress: "Too many throwaway accounts from your address (at most {max} an hour). Wait before asking for another.",
  throwawayFull: "Login Lab holds as many throwaway accounts as it can right now. Try again later.",
  simulatedPerHour: "At most {max} simulated devices an hour per user.",
  checksPerMinute: "Too many logins from your address: at most {max} password checks a minute, successful ones included.",
} as const;

export type AuthDetailKey = keyof typeof AUTH_DETAILS;
export type AuthDetail = { key: AuthDetailKey; values?: Record<string, string | number> };

/** A failure as a value: what went wrong, stated once. */
export type AuthFailure = { ok: false; code: AuthErrorCode; message: string; detail?: AuthDetail; retryAfterSeconds?: number };

/** A detail's English: its template with each `{name}` replaced by its value. */
export function detailText(detail: AuthDetail): string {
  return AUTH_DETAILS[detail.key].replace(/\{(\w+)\}/g, (_, name: string) => String(detail.values?.[name] ?? ""));
}

export function failure(code: AuthErrorCode, extra?: { retryAfterSeconds?: number; message?: string; detail?: AuthDetail }): AuthFailure {
  const message = extra?.message ?? (extra?.detail ? detailText(extra.detail) : AUTH_ERRORS[code][1]);
  return {
    ok: false,
    code,
    message,
    ...(extra?.detail ? { detail: extra.detail } : {}),
    ...(extra?.retryAfterSeconds ? { retryAfterSeconds: extra.retryAfterSeconds } : {}),
  };
}

export function statusOf(code: AuthErrorCode): number {
  return AUTH_ERRORS[code][0];
}
