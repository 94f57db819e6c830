import { foldCase } from "../directory/fold-case.js";
import type { HrPerson } from "../sources/types.js";
import { MultiMap } from "./multi-map.js";

/** A connector's identity rules (its `identity` settings). */
/** Where a userName may come from (identity.user_name_from), tried in the configured order. */
export type UserNameSource = "work" | "private" | "generated";

export interface IdentityRules {
  readonly userNameFrom: readonly UserNameSource[];
  /** Lower-cased source domain → replacement domain. */
  readonly domainRewrite: Readonly<Record<string, string>>;
  /**
   * Generated logins (docs/mapping.md): the domain, and the CEL format of the part before the @ (null: the
   * built-in one). Null or absent (connectors the console stored) without generated_domain.
   */
  readonly generated?: { readonly domain: string; readonly format: string | null } | null;
}

/** The e-mail address a person signs in with, and where it came from. */
export interface UserNameChoice {
  readonly userName: string;
  readonly from: "work" | "private" | "generated";
}

// Deliberately loose: HR data is typed by hand, and Okta, not we, decides what a valid login is. This only
// rejects what cannot be an address at all ("n.v.t.", "jan@", a phone number in the e-mail field).
const USABLE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The userName: the first usable address in the configured order (work, then private by default), with the domain
 * rewritten when the connector says so (after a rebrand HR keeps the old addresses for a while). Null when the
 * person has no usable address at all; such a person cannot be served. The order stops at "generated": whether
 * that applies is {@link wantsGeneratedLogin}, and the login itself needs the whole run (generated-logins.ts).
 */
export function chooseUserName(person: HrPerson, identity: IdentityRules): UserNameChoice | null {
  for (const from of identity.userNameFrom) {
    if (from === "generated") return null;
    const address = (from === "work" ? person.workEmail : person.privateEmail)?.trim().normalize("NFC");
    if (address && USABLE_EMAIL.test(address))
      return { userName: rewriteDomain(address, identity.domainRewrite), from };
  }
  return null;
}

/** Whether the person signs in with a generated login: no usable address before "generated" in the order. */
export function wantsGeneratedLogin(person: HrPerson, identity: IdentityRules): boolean {
  return identity.userNameFrom.includes("generated") && chooseUserName(person, identity) === null;
}

/**
 * Why a person has no userName, in words: the addresses the connector may use are missing or unusable, and an
 * address it may not use (a private one, with user_name_from = ["work"]) is named, so the admin sees the choice.
 */
export function noUserNameReason(person: HrPerson, identity: IdentityRules): string {
  const addressOf = (from: "work" | "private") => (from === "work" ? person.workEmail : person.privateEmail)?.trim();
  const typed = identity.userNameFrom.some((from) => from !== "generated" && addressOf(from));
  const reason = `no usable e-mail address (${typed ? "invalid" : "none"} in HR)`;
  const unused = (["work", "private"] as const).find(
    (from) => !identity.userNameFrom.includes(from) && addressOf(from),
  );
  return unused ? `${reason}; the ${unused} address is not used as Okta login (identity.user_name_from)` : reason;
}

function rewriteDomain(address: string, rewrites: Readonly<Record<string, string>>): string {
  const at = address.lastIndexOf("@");
  const replacement = rewrites[address.slice(at + 1).toLowerCase()];
  return replacement === undefined ? address : `${address.slice(0, at + 1)}${replacement}`;
}

/**
 * Groups the claims by case-folded userName and returns those claimed more than once. Okta matches imported users
 * by userName, so two people with one userName would be merged into one Okta user: both are reported instead.
 * `userNameOf` reads a claim's userName, so that a caller's own objects are the claims.
 */
export function findUserNameConflicts<T extends object>(
  claims: Iterable<T>,
  userNameOf: (claim: T) => string,
): Map<string, readonly T[]> {
  const byName = new MultiMap<string, T>();
  for (const claim of claims) byName.add(foldCase(userNameOf(claim)), claim);
  return new Map(byName.repeated());
}
