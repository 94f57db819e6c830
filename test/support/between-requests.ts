import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A relay on 127.0.0.1 in front of a SCIM server that runs `before` ahead of forwarding each request, so a test can
 * make things happen between an Okta client's pages (a sync committing, another client reading) without changing
 * the client. Answers are relayed decoded, without Content-Encoding.
 */
export async function startRelay(target: string, before: (pathAndQuery: string) => Promise<void>) {
  const server = createServer((request, response) => {
    const pathAndQuery = request.url ?? "/";
    const headers = Object.fromEntries(
      Object.entries(request.headers).filter(
        ([name, value]) => typeof value === "string" && !["host", "connection", "accept-encoding"].includes(name),
      ),
    ) as Record<string, string>;
    before(pathAndQuery)
      .then(() => fetch(`${target}${pathAndQuery}`, { headers }))
      .then(async (answer) => {
        const body = Buffer.from(await answer.arrayBuffer());
        response
          .writeHead(answer.status, {
            "content-type": answer.headers.get("content-type") ?? "application/octet-stream",
          })
          .end(body);
      })
      .catch((error: unknown) => response.writeHead(502, { "content-type": "text/plain" }).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
