import type { SimRow } from "./dataset.js";

/** `orderbyfieldids=A,-B`: string order per field (null first), `-` descending. */
export function sortRows(rows: readonly SimRow[], orderBy: readonly string[]): SimRow[] {
  const keys = orderBy.map((field) => ({ field: field.replace(/^-/, ""), sign: field.startsWith("-") ? -1 : 1 }));
  const compare = (a: SimRow, b: SimRow): number => {
    for (const { field, sign } of keys) {
      const left = a[field] ?? null;
      const right = b[field] ?? null;
      if (left === right) continue;
      if (left === null) return -sign;
      if (right === null) return sign;
      return (
        (typeof left === "number" && typeof right === "number" ? left - right : String(left) < String(right) ? -1 : 1) *
        sign
      );
    }
    return 0;
  };
  // Rows already in order (the generator stores them so) are served as they are: one pass instead of a sort per page.
  const sorted = rows.every((row, index) => index === 0 || compare(rows[index - 1] as SimRow, row) <= 0);
  return sorted ? [...rows] : [...rows].sort(compare);
}

/**
 * AFAS filters (OAS-GC): `filterfieldids`, `filtervalues`, `operatortypes` as parallel lists, comma = AND,
 * semicolon = OR between groups. Operators 1 =, 2 >=, 3 <=, 4 >, 5 <, 6 contains, 7 !=, 8 empty, 9 not empty,
 * 10 starts with, 11 not contains, 12 not starts with, 13 ends with, 14 not ends with.
 */
export function filterRows(
  rows: readonly SimRow[],
  fieldIds: string,
  values: string,
  operators: string,
): SimRow[] | { readonly unknownOperator: string } {
  if (fieldIds === "") return [...rows];
  const fieldGroups = fieldIds.split(";").map((group) => group.split(","));
  const valueGroups = values.split(";").map((group) => group.split(","));
  const operatorGroups = operators.split(";").map((group) => group.split(","));
  const groups = fieldGroups.map((fields, g) =>
    fields.map((field, i) => ({ field, value: valueGroups[g]?.[i] ?? "", operator: operatorGroups[g]?.[i] ?? "1" })),
  );
  const unknown = groups.flat().find((condition) => !TESTS[condition.operator]);
  if (unknown) return { unknownOperator: unknown.operator };
  return rows.filter((row) =>
    groups.some((group) =>
      group.every(({ field, value, operator }) =>
        (TESTS[operator] as Test)(row[field] === null || row[field] === undefined ? "" : String(row[field]), value),
      ),
    ),
  );
}

type Test = (actual: string, wanted: string) => boolean;

const TESTS: Readonly<Record<string, Test>> = {
  "1": (a, w) => a === w,
  "2": (a, w) => a >= w,
  "3": (a, w) => a <= w,
  "4": (a, w) => a > w,
  "5": (a, w) => a < w,
  "6": (a, w) => a.includes(w),
  "7": (a, w) => a !== w,
  "8": (a) => a === "",
  "9": (a) => a !== "",
  "10": (a, w) => a.startsWith(w),
  "11": (a, w) => !a.includes(w),
  "12": (a, w) => !a.startsWith(w),
  "13": (a, w) => a.endsWith(w),
  "14": (a, w) => !a.endsWith(w),
};
