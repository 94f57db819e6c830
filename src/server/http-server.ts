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
      resolve({ url: `http://${shownHost}:${info.port}`, port: info.port, close: (graceMs = 8000) => closeGracefully(server, graceMs) });
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
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}
