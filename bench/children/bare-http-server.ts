/**
 * The machine's floor for benchmark 3: a bare `node:http` server answering every request with 15 bytes, no
 * framework, no database. Prints its URL as one JSON line.
 *
 *   node --import tsx bench/children/bare-http-server.ts
 */
import { createServer } from "node:http";

const reply = '{"status":"ok"}';
const server = createServer((_request, response) => {
  response.writeHead(200, { "Content-Type": "application/json", "Content-Length": reply.length });
  response.end(reply);
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address() as { port: number };
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${address.port}/` })}\n`);
});
