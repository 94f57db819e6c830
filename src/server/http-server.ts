import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Hono } from "hono";

export interface RunningServer {
  /** http://host:port, with the port actually bound (useful with port 0 in tests). */
  readonly url: string;
  readonly port: number;
  /**
   * Stops accepting connections, lets in-flight requests finish, and closes idle keep-alive connections at once
   * (Okta keeps its connection open between pages). After `graceMs`, whatever is left is cut.
   */
  close(graceMs?: number): Promise<void>;
}

export function startHttpServer(app: Hono, host: string, port: number): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }, (info: AddressInfo) => {
      const shownHost = info.family === "IPv6" ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shownHost}:${info.port}`,
        port: info.port,
        close: (graceMs = 8000) => closeGracefully(server, graceMs),
      });
    }) as Server;
    // Okta waits up to 60 s per request; a slow client must not hold a socket forever either.
    server.requestTimeout = 65_000;
    server.headersTimeout = 20_000;
    server.keepAliveTimeout = 30_000;
    server.once("error", reject);
  });
}

function closeGracefully(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    force.unref();
    // A keep-alive connection whose request finishes after close() turns idle later; without a sweep it would hold
    // the shutdown until the client drops it (Node's agent: 5 s) or the grace period ends.
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    sweep.unref();
    server.close(() => {
      clearTimeout(force);
      clearInterval(sweep);
      resolve();
    });
    server.closeIdleConnections();
  });
}
