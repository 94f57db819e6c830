import { NmbrsFault, describeCall, type CallSite } from "../nmbrs-fault.js";
import type { HttpAnswer } from "../http/http-transport.js";
import { type NmbrsCallConfig, pacedRequest, withLoggedRetry } from "../http/nmbrs-call.js";
import { UnreadableJson } from "./rest-json.js";
import { firstPageUrl, nextPageUrl, readPage, type Page } from "./pagination.js";
import { faultFromResponse, isSubscriptionKeyRefusal, readProblem, type RestSite } from "./problems.js";
import { systemClock } from "../../../clock.js";

/**
 * The OAuth access token every REST call carries. Kept outside the client: where tokens are stored and how they are
 * renewed is the connector's business, not the HTTP client's.
 */
export interface AccessTokens {
  /** A token valid for a while yet (renewed first when it is about to expire), or an {@link NmbrsFault} saying why not. */
  current(signal?: AbortSignal): Promise<string>;
  /** Nmbrs refused `rejected` (revoked, or expired early): a new token now, or an {@link NmbrsFault}. */
  renew(rejected: string, signal?: AbortSignal): Promise<string>;
}

export interface RestClientConfig extends NmbrsCallConfig {
  /** `https://api.nmbrsapp.com`; paths start with `/api/`. */
  readonly apiUrl: string;
  readonly subscriptionKey: string;
  readonly tokens: AccessTokens;
  /** Epoch milliseconds, for HTTP-date `Retry-After` values. */
  readonly now?: () => number;
}

/** A GET: the operation as a template for messages and logs, the concrete path, and the company it is for. */
export interface RestCall {
  /** e.g. `GET /api/companies/{companyId}/employees/functions` */
  readonly operation: string;
  /** e.g. `/api/companies/5b6a…/employees/functions` */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number>>;
  /** Company number, named in errors. */
  readonly company?: string;
  /** The OAuth scope the call needs, named when Nmbrs refuses it. */
  readonly scope: string;
  readonly signal?: AbortSignal;
}

export interface RestCaller {
  /** Every item of a paged list, pages followed to the end; each item read by `readItem` as it arrives. */
  list<T>(call: RestCall, readItem: (item: unknown) => T): Promise<T[]>;
}

/**
 * Makes REST calls: bearer token and subscription key on every request, rate limited, transient failures retried
 * (429 and 503 after `Retry-After`), one token renewal when Nmbrs refuses a token, and every failure an
 * {@link NmbrsFault} that names the call and company.
 */
export function createRestCaller(config: RestClientConfig): RestCaller {
  const now = config.now ?? (() => systemClock().getTime());
  const getJson = (url: URL, call: RestCall): Promise<unknown> => {
    const site: RestSite = { operation: call.operation, company: call.company, scope: call.scope };
    return withLoggedRetry(
      async () => {
        let token = await config.tokens.current(call.signal);
        let answer = await get(url, token, site, call.signal);
        if (answer.status === 401 && !isSubscriptionKeyRefusal(readProblem(answer.body))) {
          // Revoked, or expired sooner than it said: one new token, one more try. A second refusal is final.
          token = await config.tokens.renew(token, call.signal);
          answer = await get(url, token, site, call.signal);
        }
        if (answer.status !== 200) throw faultFromResponse(answer.status, answer.headers, answer.body, site, now());
        try {
          return JSON.parse(answer.body) as unknown;
        } catch (error) {
          // Not retried: a complete 200 answer that does not parse is what the server means to send (a connection
          // cut mid-answer fails in the transport instead, as a retried network error).
          throw new NmbrsFault(
            `Nmbrs returned unreadable JSON for ${describeCall(site)}.`,
            "unreadable-json",
            site.operation,
            site.company,
            {},
            { cause: error },
          );
        }
      },
      site,
      config,
      call.signal,
    );
  };

  const get = async (url: URL, token: string, site: CallSite, signal: AbortSignal | undefined): Promise<HttpAnswer> => {
    const headers = {
      accept: "application/json",
      authorization: `Bearer ${token}`,
      "x-subscription-key": config.subscriptionKey,
    };
    return pacedRequest({ url: url.href, method: "GET", headers }, site, config, signal);
  };

  return {
    async list(call, readItem) {
      const site: CallSite = { operation: call.operation, company: call.company };
      const items: ReturnType<typeof readItem>[] = [];
      let url: URL | null = firstPageUrl(config.apiUrl, call.path, call.query);
      let last: Page | null = null;
      let pagesRead = 0;
      while (url) {
        const json = await getJson(url, call);
        pagesRead++;
        const page = readOrFault(() => readPage(json), site);
        for (const item of page.items) items.push(readOrFault(() => readItem(item), site));
        last = page;
        url = pageAfter(page, url, pagesRead, site);
      }
      // Offset paging can skip a record when another one is added during the read; a short list must not look
      // like people leaving, so it fails (transiently: the next run reads a settled list).
      if (last?.totalRecords !== null && last?.totalRecords !== undefined && items.length < last.totalRecords) {
        throw new NmbrsFault(
          `Nmbrs listed ${items.length} of ${last.totalRecords} records for ${describeCall(site)}; the data probably changed during the read. The next run reads it again.`,
          "incomplete-list",
          site.operation,
          site.company,
          { transient: true },
        );
      }
      return items;
    },
  };
}

function readOrFault<T>(read: () => T, site: CallSite): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof UnreadableJson)
      throw shapeFault(`Nmbrs answered ${describeCall(site)} with data we cannot read: ${error.message}`, site, error);
    throw error;
  }
}

function pageAfter(page: Page, url: URL, pagesRead: number, site: CallSite): URL | null {
  try {
    return nextPageUrl(page, url, pagesRead);
  } catch (error) {
    if (error instanceof RangeError)
      throw shapeFault(
        `${describeCall(site)} has ${error.message}; Nmbrs never said which page is the last`,
        site,
        error,
      );
    throw error;
  }
}

function shapeFault(message: string, site: CallSite, cause?: unknown): NmbrsFault {
  return new NmbrsFault(
    message,
    "shape",
    site.operation,
    site.company,
    {},
    cause === undefined ? undefined : { cause },
  );
}
