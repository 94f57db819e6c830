import type { ConsoleDeps } from "./deps.js";

/** The gateway's public URL without a trailing slash: the redirect URIs the admin registers are built on it. */
export function publicUrlOf(deps: Pick<ConsoleDeps, "publicUrl">): string {
  return (typeof deps.publicUrl === "function" ? deps.publicUrl() : deps.publicUrl).replace(/\/+$/, "");
}
