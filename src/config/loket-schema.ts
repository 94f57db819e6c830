import * as v from "valibot";
import { secretKeys } from "./secret-ref.js";

/**
 * `[connectors.loket]`, pinned by specs/loket.md §3. The environment gives both URLs; explicit `api_url` and
 * `oauth_url` (both or neither) replace them, for fakes on this machine.
 */
export const LOKET_ENVIRONMENTS = {
  production: { apiUrl: "https://api.loket.nl/v2", oauthUrl: "https://oauth.loket.nl" },
  acceptance: { apiUrl: "https://api.loket-acc.nl/v2", oauthUrl: "https://oauth.loket-acc.nl" },
} as const;

const httpUrl = v.pipe(
  v.string(),
  v.url("must be a URL"),
  v.regex(/^https?:\/\//, "must start with http:// or https://"),
);

const boundedInt = (min: number, max: number) =>
  v.pipe(
    v.number("must be a number"),
    v.integer("must be a whole number"),
    v.minValue(min, `must be at least ${min}`),
    v.maxValue(max, `must be at most ${max}`),
  );

export const loketSchema = v.strictObject({
  environment: v.optional(
    v.picklist(["production", "acceptance"], 'must be "production" or "acceptance"'),
    "production",
  ),
  api_url: v.optional(v.pipe(httpUrl, v.regex(/\/v2\/?$/, 'must end in /v2, e.g. "https://api.loket.nl/v2"'))),
  oauth_url: v.optional(httpUrl),
  client_id: v.pipe(v.string(), v.nonEmpty("required")),
  ...secretKeys("client_secret"),
  /** employerNumbers or employer ids; empty = every employer the consenting user sees. */
  employers: v.optional(v.array(v.union([v.string(), v.number()], "must be employer numbers or ids")), []),
  page_size: v.optional(boundedInt(1, 1000), 250),
  timeout_seconds: v.optional(boundedInt(1, 600), 60),
});

export type RawLoket = v.InferOutput<typeof loketSchema>;
