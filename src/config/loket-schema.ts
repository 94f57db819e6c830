import * as v from "valibot";
import { secretKeys } from "./secret-ref.js";

/** The hosts of Loket's two environments (the Loket spec §1: developer.loket.nl, the OpenAPI `servers`). */
export const LOKET_ENVIRONMENTS = {
  production: { apiUrl: "https://api.loket.nl/v2", oauthUrl: "https://oauth.loket.nl" },
  acceptance: { apiUrl: "https://api.loket-acc.nl/v2", oauthUrl: "https://oauth.loket-acc.nl" },
} as const;
export type LoketEnvironment = keyof typeof LOKET_ENVIRONMENTS;

const bounded = (min: number, max: number) =>
  v.pipe(
    v.number("must be a number"),
    v.integer("must be a whole number"),
    v.minValue(min, `must be at least ${min}`),
    v.maxValue(max, `must be at most ${max}`),
  );

const httpUrl = v.pipe(
  v.string("must be a URL"),
  v.url("must be a URL"),
  v.regex(/^https?:\/\//, "must start with http:// or https://"),
);

/** `[connectors.loket]`, pinned by the Loket spec §3 (keys and limits). Secrets and URL pairing are checked at load. */
export const loketSchema = v.strictObject({
  environment: v.optional(
    v.picklist(Object.keys(LOKET_ENVIRONMENTS) as LoketEnvironment[], 'must be "production" or "acceptance"'),
    "production",
  ),
  api_url: v.optional(v.pipe(httpUrl, v.regex(/\/v2\/*$/, 'must end in /v2, e.g. "https://api.loket.nl/v2"'))),
  oauth_url: v.optional(httpUrl),
  client_id: v.pipe(v.string("must be a text"), v.trim(), v.nonEmpty("required")),
  ...secretKeys("client_secret"),
  /** employerNumbers or employer ids; empty = every employer the consenting user sees. */
  employers: v.optional(v.array(v.union([v.string(), v.number()], "must be employer numbers or ids")), []),
  page_size: v.optional(bounded(1, 1000), 250),
  timeout_seconds: v.optional(bounded(1, 600), 60),
});
