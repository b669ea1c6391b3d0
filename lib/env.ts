import "server-only";
import { type Config, parseConfig } from "./config";

let cached: Config | undefined;

/** The validated configuration, read from the environment once. */
export function env(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
