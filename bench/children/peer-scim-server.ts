/**
 * The peer for benchmark 2: SCIMMY + scimmy-routers on express 4 (a widely used open-source SCIM server stack;
 * express 4 because scimmy-routers 1.3 casts startIndex in req.query, which express 5 re-parses on every read),
 * serving the same users from memory, bearer token checked per request. Prints {"url": "<SCIM Base URL>"}.
 *
 *   node --import tsx bench/children/peer-scim-server.ts <users.jsonl> <bearer token>
 *
 * SCIMMY 1.3.5 validates and re-serialises every resource an egress handler returns and pages afterwards, and an
 * egress handler cannot report totalResults apart from the array's length. Returning all 100,000 users per page
 * would make it validate 100,000 users per page; so the handler returns an array of totalResults' length holding
 * only the requested page (SCIMMY skips the holes): the fastest correct way to page with SCIMMY.
 */
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import express from "express";
import SCIMMY from "scimmy";
import SCIMMYRouters from "scimmy-routers";

type User = Record<string, unknown> & { id: string };

const [file, token] = process.argv.slice(2);
const users: User[] = readFileSync(file!, "utf8")
  .split("\n")
  .filter((line) => line !== "")
  .map((line) => JSON.parse(line) as User);
const byId = new Map(users.map((user) => [user.id, user]));

SCIMMY.Resources.declare(SCIMMY.Resources.User);
SCIMMY.Resources.User.extend(SCIMMY.Schemas.EnterpriseUser, false);
// SCIMMY answers 404 for any other error thrown by an egress handler.
const egress = (resource: SCIMMY.Resources.User): User | User[] => {
  if (resource.id) {
    const user = byId.get(resource.id);
    if (!user) throw new Error(`no user ${resource.id}`);
    return user;
  }
  const matching = resource.filter ? (resource.filter.match(users) as User[]) : users;
  const { startIndex = 1, count = 20 } = resource.constraints ?? {};
  const page: User[] = new Array(matching.length);
  for (let index = startIndex - 1; index < Math.min(matching.length, startIndex - 1 + count); index++)
    page[index] = matching[index]!;
  return page;
};
SCIMMY.Resources.User.egress(egress as unknown as Parameters<typeof SCIMMY.Resources.User.egress>[0]);

const app = express();
app.use(
  "/scim/v2",
  new SCIMMYRouters({
    type: "bearer",
    docUri: "https://example.invalid/bench",
    handler: (request) => {
      if (request.header("authorization") !== `Bearer ${token}`) throw new Error("Authorization failed");
      return "okta";
    },
  }),
);
const server = app.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}/scim/v2` })}\n`);
});
server.keepAliveTimeout = 30_000;
process.once("SIGTERM", () => server.close(() => process.exit(0)));
