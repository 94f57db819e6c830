import { createHash, timingSafeEqual } from "node:crypto";
import { Hono } from "hono";
import type { Config } from "../config/types.js";
import type { GatewayMetrics } from "./gateway-metrics.js";

/**
 * Where /metrics is served. The figures say how many people a company employs and when its HR system was read, so
 * they are never public by accident:
 * - `[metrics] listen` set: on that address only (a port the monitoring network reaches, not the internet), with
 *   the token required as well when one is configured;
 * - only `[metrics] token` set: on the main address, for requests carrying `Authorization: Bearer <token>`;
 * - neither: not served at all.
 */
export type MetricsPlacement = "own-listener" | "main-with-token" | "off";

export function metricsPlacement(config: Config["metrics"]): MetricsPlacement {
  if (config.port !== null) return "own-listener";
  return config.token !== null ? "main-with-token" : "off";
}

/** GET /metrics, behind the bearer token when one is given. */
export function metricsRoutes(metrics: GatewayMetrics, token: string | null): Hono {
  const app = new Hono();
  const expected = token === null ? null : digest(token);
  app.get("/metrics", async (c) => {
    if (expected !== null) {
      const presented = /^Bearer\s+(.+)$/i.exec(c.req.header("authorization") ?? "")?.[1]?.trim();
      // Compared as SHA-256 digests: equal length, constant time, whatever was presented.
      if (!presented || !timingSafeEqual(digest(presented), expected)) {
        return c.text("a bearer token is required\n", 401, { "WWW-Authenticate": 'Bearer realm="metrics"' });
      }
    }
    return c.body(await metrics.render(), 200, { "Content-Type": metrics.contentType, "Cache-Control": "no-store" });
  });
  return app;
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}
