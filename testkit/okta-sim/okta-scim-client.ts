import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { gunzipSync, inflateSync } from "node:zlib";

/** The headers of Okta's production SCIM client (Okta's SCIM documentation), on every request. */
export const OKTA_HEADERS = {
  "User-Agent": "Okta SCIM Client 1.0.0",
  Accept: "application/scim+json",
  "Accept-Charset": "utf-8",
  "Accept-Encoding": "gzip,deflate",
  Connection: "Keep-Alive",
} as const;

export interface ScimReply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/**
 * GETs against one SCIM Base URL the way Okta sends them: its headers, its Authorization value as the admin typed
 * it, and one kept-alive connection reused page after page.
 */
export class OktaScimClient {
  private readonly agent: HttpAgent;
  private readonly base: URL;

  constructor(
    baseUrl: string,
    private readonly authorization: string,
  ) {
    this.base = new URL(baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
    const options = { keepAlive: true, maxSockets: 1 };
    this.agent = this.base.protocol === "https:" ? new HttpsAgent(options) : new HttpAgent(options);
  }

  /** `pathAndQuery` relative to the Base URL, e.g. `Users?startIndex=1&count=100`. */
  get(pathAndQuery: string, authorization = this.authorization): Promise<ScimReply> {
    const url = new URL(pathAndQuery, this.base);
    const send = url.protocol === "https:" ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const request = send(
        url,
        { method: "GET", agent: this.agent, headers: { ...OKTA_HEADERS, Authorization: authorization } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("error", reject);
          response.on("end", () => {
            try {
              resolve({
                status: response.statusCode ?? 0,
                headers: response.headers,
                body: decode(Buffer.concat(chunks), response.headers),
              });
            } catch (error) {
              reject(error);
            }
          });
        },
      );
      // Okta gives up on a request after 60 s (Okta's SCIM documentation).
      request.setTimeout(60_000, () =>
        request.destroy(new Error(`GET ${url.pathname}${url.search} took longer than 60 s`)),
      );
      request.on("error", reject);
      request.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

function decode(body: Buffer, headers: IncomingHttpHeaders): string {
  const encoding = headers["content-encoding"];
  if (encoding === "gzip") return gunzipSync(body).toString("utf8");
  if (encoding === "deflate") return inflateSync(body).toString("utf8");
  return body.toString("utf8");
}
