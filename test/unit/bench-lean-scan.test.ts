import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { leanScan, LeanScimClient } from "../../bench/support/lean-scan.js";

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A SCIM list endpoint serving `pages` of ids (by startIndex 1, 101, …) with the given totalResults. */
async function serve(totalResults: number, pages: string[][]): Promise<LeanScimClient> {
  server = createServer((request, response) => {
    const startIndex = Number(new URL(request.url!, "http://x").searchParams.get("startIndex"));
    const ids = pages[(startIndex - 1) / 100] ?? [];
    const resources = ids.map((id) => ({ schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], id, userName: `${id}@example.nl`, name: { givenName: 'Say "id":"x"' }, manager: { value: "m1" } }));
    response.setHeader("Content-Type", "application/scim+json");
    response.end(JSON.stringify({ schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], totalResults, startIndex, itemsPerPage: ids.length, Resources: resources }));
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return new LeanScimClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}/scim/v2/acme`, "Bearer t");
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
});
