/** The three ways to log in: each has its panel and folder under app/, its routes and its lib/auth module. */
export type Mode = "session" | "jwt" | "hybrid";
