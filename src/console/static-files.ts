import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Context } from "hono";

export const STATIC_DIR = fileURLToPath(new URL("../../static/", import.meta.url));

/**
 * Files of npm packages, served under the names the pages use: the package in node_modules is the one copy, at the
 * version package.json names (no copy in git to keep in step).
 */
const PACKAGE_FILES: Readonly<Record<string, string>> = {
  "vendor/htmx.min.js": createRequire(import.meta.url).resolve("htmx.org/dist/htmx.min.js"),
};

const TYPES: Record<string, string> = {
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Serves /static/<file> from the static folder (or a package's file, above): only names made of safe characters (no "..", no hidden files),
 * only known types. Files are read once and kept: there are a handful and they change only with a release.
 */
export function staticFiles(dir: string = STATIC_DIR): (c: Context) => Promise<Response> {
  const cache = new Map<string, Buffer>();
  return async (c) => {
    const name = c.req.path.replace(/^\/static\//, "");
    const type = TYPES[extname(name)];
    if (!type || !/^(?:[a-z0-9][a-z0-9._-]*\/)*[a-z0-9][a-z0-9._-]*$/i.test(name) || name.includes(".."))
      return c.notFound();
    let body = cache.get(name);
    if (!body) {
      try {
        body = await readFile(PACKAGE_FILES[name] ?? join(dir, name));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return c.notFound();
        throw error;
      }
      cache.set(name, body);
    }
    c.header("Content-Type", type);
    c.header("Cache-Control", "public, max-age=300");
    return c.body(new Uint8Array(body));
  };
}
