import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { leanScan, LeanScimClient } from "../../../../bench/support/lean-scan.js";

let server: Server | undefined;
afterEach(
  () =>
    new Promise<void>((resolve) => {
      if (!server) return resolve();
      server.closeAllConnections(); // a request the test left unanswered
      server.close(() => resolve());
    }),
);

async function serveWith(
  handle: (startIndex: number, response: ServerResponse) => void,
  timeoutMs?: number,
): Promise<LeanScimClient> {
  server = createServer((request: IncomingMessage, response) =>
    handle(Number(new URL(request.url!, "http://x").searchParams.get("startIndex")), response),
  );
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return new LeanScimClient(
    `http://127.0.0.1:${(server.address() as AddressInfo).port}/scim/v2/acme`,
    "Bearer t",
    timeoutMs,
  );
}

/** A SCIM list endpoint serving `pages` of ids (by startIndex 1, 101, …) with the given totalResults and itemsPerPage. */
function serve(
  totalResults: number,
  pages: string[][],
  itemsPerPage = (ids: string[]) => ids.length,
): Promise<LeanScimClient> {
  return serveWith((startIndex, response) => {
    const ids = pages[(startIndex - 1) / 100] ?? [];
    const resources = ids.map((id) => ({
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      id,
      userName: `${id}@example.nl`,
      name: { givenName: 'Say "id":"x"' },
      manager: { value: "m1" },
    }));
    response.setHeader("Content-Type", "application/scim+json");
    response.end(
      JSON.stringify({
        schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
        totalResults,
        startIndex,
        itemsPerPage: itemsPerPage(ids),
        Resources: resources,
      }),
    );
  });
}

const ids = (from: number, count: number) => Array.from({ length: count }, (_, index) => `u${from + index}`);

describe("the under-load benchmark's lean scan", () => {
  it("reads every id of a complete import and finds nothing wrong", async () => {
    const client = await serve(150, [ids(0, 100), ids(100, 50)]);
    const scan = await leanScan(client);
    client.close();
    expect(scan).toMatchObject({ totalResults: 150, problems: [] });
    expect(scan.pageMs).toHaveLength(2);
  });

  it("reports an id served twice and the gap it leaves", async () => {
    const client = await serve(150, [ids(0, 100), [...ids(100, 49), "u3"]]);
    const scan = await leanScan(client);
    client.close();
    expect(scan.problems).toEqual(["u3 served twice (page at 101)", "149 distinct users for totalResults 150 (a gap)"]);
  });

  it("fails a scan whose ids do not add up to itemsPerPage", async () => {
    const client = await serve(100, [ids(0, 100)], () => 101);
    await expect(leanScan(client)).rejects.toThrow("GET Users?startIndex=1&count=100: itemsPerPage 101 but 100 ids");
    client.close();
  });

  it("reads a page that arrives in pieces, and the next one on the same connection", async () => {
    const sockets = new Set<unknown>();
    const client = await serveWith((startIndex, response) => {
      sockets.add(response.socket);
      const page = startIndex === 1 ? ids(0, 100) : ids(100, 1);
      const body = Buffer.from(
        JSON.stringify({ totalResults: 101, itemsPerPage: page.length, Resources: page.map((id) => ({ id })) }),
      );
      response.writeHead(200, { "Content-Type": "application/scim+json", "Content-Length": body.length });
      response.flushHeaders();
      const pieces = [body.subarray(0, 5), body.subarray(5, 20), body.subarray(20)];
      const next = () => {
        const piece = pieces.shift();
        if (piece) setTimeout(() => (response.write(piece), next()), 5);
        else response.end();
      };
      next();
    });
    const scan = await leanScan(client);
    client.close();
    expect(scan).toMatchObject({ totalResults: 101, problems: [] });
    expect(scan.pageMs).toHaveLength(2);
    expect(sockets.size).toBe(1);
  });

  it("refuses a reply without Content-Length, which it cannot delimit", async () => {
    const client = await serveWith((_startIndex, response) => {
      response.write("{");
      response.end("}");
    });
    await expect(leanScan(client)).rejects.toThrow("a response without Content-Length (HTTP/1.1 200 OK)");
    client.close();
  });

  it("asks again on a new connection after a page that never came", async () => {
    let requests = 0;
    const client = await serveWith((_startIndex, response) => {
      requests += 1;
      if (requests > 1) response.end(JSON.stringify({ totalResults: 0, itemsPerPage: 0, Resources: [] }));
    }, 200);
    await expect(client.get("Users?startIndex=1&count=100")).rejects.toThrow("took longer than 200 ms");
    const reply = await client.get("Users?startIndex=1&count=100");
    client.close();
    expect(reply.status).toBe(200);
    expect(requests).toBe(2);
  });

  it("fails a scan whose page never comes, instead of waiting for it", async () => {
    const client = await serveWith(() => {}, 200);
    await expect(leanScan(client)).rejects.toThrow("GET Users?startIndex=1&count=100 took longer than 200 ms");
    client.close();
  });
});
