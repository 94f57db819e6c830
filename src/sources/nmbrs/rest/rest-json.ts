import * as v from "valibot";
import type { IsoDate } from "../../types.js";

/**
 * Reading Nmbrs REST JSON: valibot schemas for the values the adapter depends on, tolerant of what a JSON API does
 * between versions (unknown fields are ignored, absent and null read the same, an employee number may come as 12 or
 * "12"), strict about what it cannot do without (ids, the `data` array).
 */

/** A payload that does not have the shape we depend on. The message names the field. */
export class UnreadableJson extends Error {}

/** Parses `value` with `schema`, or throws {@link UnreadableJson} naming the first field that does not fit. */
export function readWith<S extends v.GenericSchema>(schema: S, value: unknown, what: string): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = issue ? v.getDotPath(issue) : null;
  throw new UnreadableJson(`${what}${path ? ` field "${path}"` : ""}: ${issue?.message ?? "unexpected shape"}`);
}

/** A string field: absent, null and blank all read as null; values are trimmed. */
export const text = v.pipe(
  v.nullish(v.union([v.string(), v.number()]), null),
  v.transform((value) => {
    if (value === null || value === undefined) return null;
    const trimmed = String(value).trim();
    return trimmed === "" ? null : trimmed;
  }),
);

/** An id the adapter cannot do without (employeeId, companyId): a non-empty string or number, as a string. */
export const id = v.pipe(
  v.union([v.pipe(v.string(), v.trim(), v.nonEmpty("must not be empty")), v.number()]),
  v.transform(String),
);

export const count = v.pipe(
  v.nullish(v.number(), null),
  v.transform((value) => (typeof value === "number" && Number.isFinite(value) ? value : null)),
);

const DATE = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}:\d{2}))?/;
/** .NET's DateTime.MinValue, written for an empty non-nullable date. */
const SENTINEL_DATE = "0001-01-01";

/** A timestamp as `YYYY-MM-DDTHH:mm:ss` (fraction and zone dropped; used only to order history records). */
export const timestamp = v.pipe(
  text,
  v.check((value) => value === null || DATE.test(value), "should be a date"),
  v.transform((value): string | null => {
    const match = value === null ? null : DATE.exec(value);
    if (!match || match[1] === SENTINEL_DATE) return null;
    return `${match[1]}T${match[2] ?? "00:00:00"}`;
  }),
);

/** A calendar date `YYYY-MM-DD` (a time part, if any, is ignored). */
export const date = v.pipe(
  timestamp,
  v.transform((value): IsoDate | null => value?.slice(0, 10) ?? null),
);

/** `{ year, period }`: a payroll period, counted in the company's period type (payroll-period.ts). */
export const period = v.pipe(
  v.nullish(v.looseObject({ year: count, period: count }), null),
  v.transform((value) => ({ year: value?.year ?? 0, period: value?.period ?? 0 })),
);

export const flag = v.pipe(
  v.nullish(v.boolean(), null),
  v.transform((value) => value ?? null),
);

export const decimal = v.pipe(
  v.nullish(v.union([v.number(), v.string()]), null),
  v.transform((value) => {
    if (value === null || value === undefined || value === "") return null;
    const parsed = typeof value === "number" ? value : Number(value.replace(",", "."));
    return Number.isFinite(parsed) ? parsed : null;
  }),
);

/** A list that may be absent or null (an employee without history): read as empty. */
export function list<S extends v.GenericSchema>(item: S) {
  return v.pipe(
    v.nullish(v.array(item), null),
    v.transform((items) => items ?? []),
  );
}
