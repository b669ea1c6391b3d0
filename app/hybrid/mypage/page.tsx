import { HybridMyPage } from "./hybrid-mypage";

export const metadata = { title: "Hybrid · my page — Login Lab" };

export default function Page() {
  return <HybridMyPage />;
}
