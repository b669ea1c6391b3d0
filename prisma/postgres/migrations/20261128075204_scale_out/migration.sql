-- CreateTable
CREATE TABLE "SigningKey" (
    "kid" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "publicJwk" TEXT NOT NULL,
    "privateJwk" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "activatedAt" TIMESTAMP(3),
    "deactivatedAt" TIMESTAMP(3),
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "SigningKey_pkey" PRIMARY KEY ("kid")
);

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "resetAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "SigningKey_state_idx" ON "SigningKey"("state");

-- CreateIndex
CREATE INDEX "LoginThrottle_resetAt_idx" ON "LoginThrottle"("resetAt");

-- Cache invalidation across instances (lib/auth/invalidation.ts). The store itself announces every
-- change an instance may have cached, at commit, whichever code path (or cascade) made it:
-- "s:<session id>" for a session row updated or deleted, "d:<jti>" for a token put on the
-- deny-list, "k" for any change to the signing keys.
CREATE FUNCTION login_lab_notify_session() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('login_lab_invalidate', 's:' || OLD."id");
  RETURN NULL;
END
$$;

CREATE TRIGGER "Session_invalidate" AFTER UPDATE OR DELETE ON "Session"
  FOR EACH ROW EXECUTE FUNCTION login_lab_notify_session();

CREATE FUNCTION login_lab_notify_denied() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('login_lab_invalidate', 'd:' || NEW."jti");
  RETURN NULL;
END
$$;

CREATE TRIGGER "DeniedToken_invalidate" AFTER INSERT OR UPDATE ON "DeniedToken"
  FOR EACH ROW EXECUTE FUNCTION login_lab_notify_denied();

CREATE FUNCTION login_lab_notify_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('login_lab_invalidate', 'k');
  RETURN NULL;
END
$$;

CREATE TRIGGER "SigningKey_invalidate" AFTER INSERT OR UPDATE OR DELETE ON "SigningKey"
  FOR EACH STATEMENT EXECUTE FUNCTION login_lab_notify_keys();
