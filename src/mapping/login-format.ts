import type { HrPerson, IsoDate } from "../sources/types.js";
import { compileExpression, type CompiledExpression, type Evaluated, type ExpressionProblem } from "./compile.js";
import { mappingInput } from "./mapping-input.js";

/**
 * The built-in generated_format: ascii-folded, lower-case roepnaam (nickname, else first name), a dot, then prefix
 * and last name without spaces, apostrophes and hyphens. Zoë van der Berg → zoe.vanderberg.
 */
export const DEFAULT_LOGIN_FORMAT =
  "lower(ascii(compact(coalesce(person.nickname, person.firstName)))) + '.' + lower(ascii(compact(familyName(person))))";

// What Okta and every downstream app accept before the @: a format giving "zoë van berg" must hold the person, not
// reach Okta as a login half the apps refuse.
const USABLE_LOCAL_PART = /^[a-z0-9](?:[a-z0-9._+-]*[a-z0-9])?$/i;

export interface LoginFormat {
  /**
   * The local parts to try for a person, best first (docs/mapping.md, "Generated logins"): the format on the
   * person, then on the person without roepnaam (first name instead). Duplicates are dropped.
   */
  bases(
    person: HrPerson,
    period: { start: IsoDate | null; end: IsoDate | null } | null,
    today: IsoDate,
  ): Evaluated<string[]>;
}

/** A format's problem (null when it compiles), for config load: one line naming the key and the position. */
export function loginFormatProblem(format: string | null): ExpressionProblem | null {
  const compiled = compileExpression(format ?? DEFAULT_LOGIN_FORMAT, "text");
  return "problem" in compiled ? compiled.problem : null;
}

/** Compiled once per run; config load refused a format that does not compile. */
export function compileLoginFormat(format: string | null): LoginFormat {
  const compiled = compileExpression(format ?? DEFAULT_LOGIN_FORMAT, "text");
  if ("problem" in compiled) throw new Error(`identity.generated_format: ${compiled.problem.message}`);
  return {
    bases(person, period, today) {
      const first = localPart(compiled, mappingInput(person, period, today));
      if ("error" in first) return first;
      const bases = [first.value];
      if (person.nickname !== null) {
        const withFirstName = localPart(compiled, mappingInput({ ...person, nickname: null }, period, today));
        if ("value" in withFirstName && withFirstName.value !== first.value) bases.push(withFirstName.value);
      }
      return { value: bases };
    },
  };
}

function localPart(
  format: CompiledExpression<string | null>,
  input: ReturnType<typeof mappingInput>,
): Evaluated<string> {
  const result = format.evaluate(input);
  if ("error" in result) return { error: `identity.generated_format: ${result.error}` };
  if (result.value === null) return { error: "identity.generated_format gives no value for this person" };
  if (!USABLE_LOCAL_PART.test(result.value))
    return {
      error: `identity.generated_format gives "${result.value}", which cannot be the part before the @ of a login`,
    };
  return { value: result.value };
}
