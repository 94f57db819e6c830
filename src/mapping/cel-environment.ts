import { Environment } from "@marcbachmann/cel-js";
import { MappingCompany, MappingPerson, MappingPeriod, PERSON_FIELDS } from "./mapping-input.js";
import { ascii, coalesce, compact, lower, trim, upper } from "./text-functions.js";

/** How many arguments coalesce() takes at most (CEL has no variadic functions, so each count is an overload). */
const COALESCE_MAX = 8;

/**
 * The one CEL environment every expression compiles in: the pinned variables and the helper functions. Fields are
 * declared `dyn` because HR leaves many absent (null), which CEL's `string` type does not admit; the field names
 * are still checked at compile time.
 */
function buildEnvironment(): Environment {
  const dynFields = (names: readonly string[]) => Object.fromEntries(names.map((name) => [name, "dyn"]));
  const text = (handler: (value: string | null) => string | null) => (value: unknown) => handler(textArgument(value));
  let environment = new Environment()
    .registerType("Person", { ctor: MappingPerson, fields: dynFields(PERSON_FIELDS) })
    .registerType("Company", { ctor: MappingCompany, fields: { number: "string", name: "string" } })
    .registerType("Period", { ctor: MappingPeriod, fields: dynFields(["start", "end"]) })
    .registerVariable("person", "Person")
    .registerVariable("company", "Company")
    .registerVariable("period", "Period")
    .registerVariable("today", "string")
    .registerFunction("ascii(dyn): dyn", text(ascii))
    .registerFunction("lower(dyn): dyn", text(lower))
    .registerFunction("upper(dyn): dyn", text(upper))
    .registerFunction("trim(dyn): dyn", text(trim))
    .registerFunction("compact(dyn): dyn", text(compact))
    .registerFunction("familyName(Person): dyn", (person: MappingPerson) => person.familyName());
  for (let count = 1; count <= COALESCE_MAX; count++)
    environment = environment.registerFunction(`coalesce(${Array(count).fill("dyn").join(", ")}): dyn`, coalesce);
  return environment;
}

function textArgument(value: unknown): string | null {
  if (value === null || typeof value === "string") return value;
  throw new Error(`expects a text, got ${typeof value === "bigint" ? "a number" : typeof value}`);
}

export const celEnvironment: Environment = buildEnvironment();
