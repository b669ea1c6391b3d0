/** The blog post this lab grew from, named and linked wherever its claims are cited. */
export const SEED_POST = {
  title: "Session vs Token 로그인 방식",
  url: "https://junsseok.tistory.com/74",
  published: "2026-01-05",
} as const;
