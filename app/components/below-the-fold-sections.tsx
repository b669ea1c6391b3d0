"use client";

import { ForgeLab } from "@/app/components/forge-lab";
import { ReplayLab } from "@/app/components/replay-lab";
import { StoreView } from "@/app/components/store-view";
import { HybridReplay } from "@/app/hybrid/hybrid-replay";
import { JwtReplay } from "@/app/jwt/jwt-replay";
import { SessionReplay } from "@/app/session/session-replay";

/** The home page's sections below the panels, as one module: the chunk app/components/below-the-fold.tsx loads. */
export default function BelowTheFoldSections() {
  return (
    <>
      <ReplayLab>
        <SessionReplay />
        <JwtReplay />
        <HybridReplay />
      </ReplayLab>
      <ForgeLab />
      <StoreView />
    </>
  );
}
