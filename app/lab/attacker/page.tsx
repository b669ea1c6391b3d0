import { AttackerLab } from "./attacker-lab";

export const metadata = { title: "Cross-site lab — Login Lab" };

/** The attacker's page. Open it on the other origin (127.0.0.1 vs localhost) to make it cross-site. */
export default function Page() {
  return <AttackerLab />;
}
