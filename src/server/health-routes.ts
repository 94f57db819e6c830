import { Hono } from "hono";
import type { Db } from "../db/open.js";
import { isMigrated } from "../db/migrate.js";
import { MIGRATIONS_DIR } from "../db/open.js";

/**
 * /healthz: the process answers (container HEALTHCHECK, restart policy).
 * /readyz: the database is open and fully migrated (a load balancer may send traffic).
 */
export function healthRoutes(db: Db): Hono {
  const app = new Hono();
  app.get("/healthz", (c) => c.json({ status: "ok" }));
  app.get("/readyz", (c) => {
    try {
      db.sqlite.prepare("SELECT 1").get();
      if (!isMigrated(db.sqlite, MIGRATIONS_DIR)) return c.json({ status: "migrating" }, 503);
      return c.json({ status: "ready" });
    } catch {
      return c.json({ status: "database unavailable" }, 503);
    }
  });
  return app;
}
