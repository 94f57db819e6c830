import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ConfigError, loadConfig, parseConfig } from "../../src/config/load.js";
import type { Config } from "../../src/config/types.js";

/** The problems config.toml's validation finds in `raw`, each as the line an admin reads ("key: message"); none when it parses. */
export function problemsOf(raw: unknown, env: NodeJS.ProcessEnv = {}): string[] {
  try {
    parseConfig(raw, "config.toml", env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((problem) => `${problem.key}: ${problem.message}`);
    throw error;
  }
  return [];
}

/** Writes `toml` as `dir`/config.toml and loads it as the gateway does at start-up, with `env` as its environment. */
export function loadToml(dir: string, toml: string, env: NodeJS.ProcessEnv): Config {
  const path = join(dir, "config.toml");
  writeFileSync(path, toml);
  return loadConfig({ path, env });
}
