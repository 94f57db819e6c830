import { connect, type Socket } from "node:net";
import { OKTA_HEADERS } from "../../testkit/okta-sim/okta-scim-client.js";
import { scanPages, type ScannedPage, type TimedScan } from "./okta-scan.js";

interface LeanReply {
  readonly status: number;
  readonly body: Buffer;
}

/**
 * The clients of the under-load benchmark. Okta's CPU is never on the gateway's machine, but on a 2-core bench it
 * is: with the full check of okta-scan.ts (UTF-8 decoding and JSON.parse of ~140 KB) the clients cost twice the
 * gateway's CPU per page, and with Node's HTTP client still ~0.4 ms per page, nearly the gateway's own (BENCHMARKS.md,
 * rounds 5 and 6); with 32 clients in one thread, much of the latency they measured was their own queue. As a load
 * generator does (autocannon writes and parses HTTP/1.1 on the socket too), these speak HTTP/1.1 on a kept-alive
 * socket, read the counters and ids straight from the bytes, and still check what the benchmark promises: status
 * 200, a total that stays the same, as many ids as itemsPerPage, no id twice and no gap. Responses must carry a
 * Content-Length, as the gateway's do.
 */
export class LeanScimClient {
  private readonly base: URL;
  private socket: Socket | undefined;
  private exchange: Exchange | undefined;

  constructor(
    baseUrl: string,
    private readonly authorization: string,
    /** As Okta's client (okta-scim-client.ts): a page that never comes fails the scan instead of hanging the run. */
    private readonly timeoutMs = 60_000,
  ) {
    this.base = new URL(baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
  }

  /** `pathAndQuery` relative to the Base URL; resolves with the status and the body's bytes. */
  get(pathAndQuery: string): Promise<LeanReply> {
    if (this.exchange) return Promise.reject(new Error("one request at a time on a lean client"));
    const url = new URL(pathAndQuery, this.base);
    const headers = { ...OKTA_HEADERS, "Accept-Encoding": "identity", Authorization: this.authorization };
    const head = `GET ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\n${Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join("")}\r\n`;
    return new Promise<LeanReply>((resolve, reject) => {
      const socket = this.connected();
      const timer = setTimeout(
        () => this.fail(new Error(`GET ${pathAndQuery} took longer than ${this.timeoutMs} ms`)),
        this.timeoutMs,
      );
      this.exchange = new Exchange(
        (reply) => {
          clearTimeout(timer);
          this.exchange = undefined;
          resolve(reply);
        },
        (error) => {
          clearTimeout(timer);
          this.exchange = undefined;
          reject(error);
        },
      );
      socket.write(head);
    });
  }

  close(): void {
    this.socket?.destroy();
    this.socket = undefined;
  }

  private connected(): Socket {
    if (this.socket && !this.socket.destroyed) return this.socket;
    const socket = connect(Number(this.base.port || 80), this.base.hostname);
    socket.setNoDelay(true);
    // A socket dropped after a failure still reports its close later, maybe while the next request waits on a new
    // socket: only the current socket's events concern the current exchange.
    socket.on("data", (chunk: Buffer) => {
      if (this.socket !== socket) return;
      try {
        this.exchange?.read(chunk);
      } catch (error) {
        this.fail(error as Error);
      }
    });
    socket.on("error", (error) => {
      if (this.socket === socket) this.fail(error);
    });
    socket.on("close", () => {
      if (this.socket === socket) this.fail(new Error("the server closed the connection before it answered"));
    });
    this.socket = socket;
    return socket;
  }

  /** A broken exchange leaves the socket in an unknown state: drop it, the next request connects again. */
  private fail(error: Error): void {
    const exchange = this.exchange;
    this.close();
    exchange?.fail(error);
  }
}

const HEAD_END = Buffer.from("\r\n\r\n");

/** One response read off the socket: the head up to the blank line, then Content-Length bytes of body. */
class Exchange {
  private head: Buffer = Buffer.alloc(0);
  private status = 0;
  private body: Buffer | undefined;
  private filled = 0;

  constructor(
    private readonly done: (reply: LeanReply) => void,
    readonly fail: (error: Error) => void,
  ) {}

  read(chunk: Buffer): void {
    let rest = chunk;
    if (!this.body) {
      this.head = this.head.length === 0 ? chunk : Buffer.concat([this.head, chunk]);
      const end = this.head.indexOf(HEAD_END);
      if (end < 0) return;
      const lines = this.head.toString("latin1", 0, end).split("\r\n");
      this.status = Number(/^HTTP\/1\.1 (\d{3})/.exec(lines[0]!)?.[1] ?? 0);
      const length = lines.find((line) => /^content-length:/i.test(line))?.split(":")[1];
      if (length === undefined) throw new Error(`a response without Content-Length (${lines[0]})`);
      this.body = Buffer.allocUnsafe(Number(length));
      rest = this.head.subarray(end + HEAD_END.length);
    }
    if (this.filled + rest.length > this.body.length)
      throw new Error("more bytes than Content-Length, with one request outstanding");
    rest.copy(this.body, this.filled);
    this.filled += rest.length;
    if (this.filled === this.body.length) this.done({ status: this.status, body: this.body });
  }
}

const ID = Buffer.from('"id":"');
const QUOTE = 0x22;

/**
 * One import (startIndex 1, +100, …), timed per page. A user's only `"id":"` is its own (nested values are `value`,
 * and a quote inside a string is escaped), and a count that differs from itemsPerPage fails the scan.
 */
export function leanScan(client: LeanScimClient): Promise<TimedScan> {
  return scanPages({ get: (path) => client.get(path), read: readIds });
}

function readIds(request: string, reply: LeanReply): ScannedPage {
  if (reply.status !== 200)
    throw new Error(`${request}: status ${reply.status} (${reply.body.toString("utf8", 0, 200)})`);
  const head = reply.body.toString("latin1", 0, 300);
  const totalResults = Number(/"totalResults":(\d+)/.exec(head)?.[1]);
  const items = Number(/"itemsPerPage":(\d+)/.exec(head)?.[1]);
  if (!Number.isInteger(totalResults) || !Number.isInteger(items))
    throw new Error(`${request}: no totalResults or itemsPerPage in ${head}`);
  const ids: string[] = [];
  for (let at = reply.body.indexOf(ID); at >= 0; at = reply.body.indexOf(ID, at)) {
    const end = reply.body.indexOf(QUOTE, at + ID.length);
    ids.push(reply.body.toString("latin1", at + ID.length, end));
    at = end;
  }
  if (ids.length !== items) throw new Error(`${request}: itemsPerPage ${items} but ${ids.length} ids`);
  return { totalResults, ids };
}
