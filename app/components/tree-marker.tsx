"use client";

import { useEffect } from "react";
import { treeApplied } from "@/lib/client/login-lock";

/** Rendered by the server with a fresh id each time: its change says a re-rendered page has arrived. */
export function TreeMarker({ id }: { id: string }) {
  useEffect(() => treeApplied(), [id]);
  return null;
}
