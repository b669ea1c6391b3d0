-- AlterTable
ALTER TABLE "Session" ADD COLUMN "idleTimeoutSeconds" INTEGER;
ALTER TABLE "Session" ADD COLUMN "revokedAt" DATETIME;
ALTER TABLE "Session" ADD COLUMN "revokedReason" TEXT;

-- CreateTable
CREATE TABLE "DeniedToken" (
    "jti" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "DeniedToken_expiresAt_idx" ON "DeniedToken"("expiresAt");
