import { JwtMyPage } from "./jwt-mypage";

export const metadata = { title: "JWT · my page — Login Lab" };

export default function Page() {
  return <JwtMyPage />;
}
