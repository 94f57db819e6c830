import { CORE_USER, ENTERPRISE_USER, HR_GATEWAY_USER } from "../directory/schema-urns.js";
import type { HrPerson } from "../sources/types.js";
import type { UserNameChoice } from "./identity.js";
import { cleanText, personNames } from "./person-names.js";
import type { WorkPeriod } from "./work-periods.js";

/** The enterprise `manager` of a user: the manager's SCIM id and the name Okta shows for it. */
export interface ManagerLink {
  readonly value: string;
  readonly displayName: string;
}

export interface UserResourceInput {
  readonly person: HrPerson;
  readonly scimId: string;
  readonly userName: UserNameChoice;
  readonly active: boolean;
  /** The work period that makes the person visible (startDate/endDate). */
  readonly period: WorkPeriod | null;
  readonly manager: ManagerLink | null;
  readonly settings: ServedAttributeRules;
  /**
   * What the admin's expressions gave (mapping/connector-mapping.ts), by Okta variable name: an override of a
   * built-in attribute (null leaves it out) or a custom attribute of the hrgateway extension.
   */
  readonly mapped?: Readonly<Record<string, string | null>>;
  /** The custom attributes among {@link mapped}, in the order they are served. */
  readonly customAttributes?: readonly string[];
}

/** The connector settings that shape a served user's attributes. */
export interface ServedAttributeRules {
  readonly employeeNumberFormat: "plain" | "company-prefixed";
  /** Serve private e-mail and private mobile in the custom extension. */
  readonly privateContact: boolean;
  /** Serve the manager reference (and the manager extras of the hrgateway extension). */
  readonly managers: boolean;
}

export type UserResource = Readonly<Record<string, unknown>>;

/**
 * Whether a served user signs in with a private address (gmail, ziggo…): the type of the primary e-mail records
 * where the userName came from, so a user kept as Okta last saw it is judged by what Okta has.
 */
export function signsInWithPrivateAddress(user: UserResource): boolean {
  const emails = user.emails;
  return (
    Array.isArray(emails) &&
    emails.some(
      (email: { primary?: unknown; type?: unknown } | null) => email?.primary === true && email.type === "home",
    )
  );
}

/**
 * The SCIM User served for one person (the product sheet's mapping). Key order is fixed, because the resource
 * version is a hash of its JSON: the same data must always give the same text, or every sync would look like a
 * change to Okta. Absent values are left out rather than served as null.
 */
export function userResource(input: UserResourceInput): UserResource {
  const { person, settings } = input;
  const mapped = input.mapped ?? {};
  // The admin's expression wins where there is one, whatever it gave (null too: "leave it out").
  const pick = <T>(key: string, builtIn: T): T | string | null => (key in mapped ? (mapped[key] ?? null) : builtIn);
  const names = personNames(person);
  const mobile = pick("primaryPhone", cleanText(person.workMobile));
  const employeeNumber =
    settings.employeeNumberFormat === "company-prefixed"
      ? `${person.company.number}-${person.employeeNumber}`
      : person.employeeNumber;
  const custom = Object.fromEntries((input.customAttributes ?? []).map((key) => [key, mapped[key] ?? null]));
  return withoutEmpty({
    schemas: [CORE_USER, ENTERPRISE_USER, HR_GATEWAY_USER],
    id: input.scimId,
    externalId: person.sourceKey,
    userName: input.userName.userName,
    name: withoutEmpty({
      formatted: names.formatted,
      givenName: pick("givenName", names.givenName),
      familyName: pick("familyName", names.familyName),
    }),
    displayName: pick("displayName", null) ?? servedDisplayName(person, input.userName.userName),
    title: pick("title", cleanText(person.function?.name)),
    userType: pick("userType", cleanText(person.employeeType)),
    active: input.active,
    // Okta reads the e-mail from the entry marked primary, so there is exactly one. Its type says where the address
    // came from: "home" when the connector fell back to the private address.
    emails: [
      { value: input.userName.userName, type: input.userName.from === "private" ? "home" : "work", primary: true },
    ],
    phoneNumbers: mobile ? [{ value: mobile, type: "mobile", primary: true }] : null,
    [ENTERPRISE_USER]: withoutEmpty({
      employeeNumber: pick("employeeNumber", employeeNumber),
      organization: pick("organization", cleanText(person.company.name)),
      department: pick("department", cleanText(person.department?.name)),
      costCenter: pick("costCenter", cleanText(person.costCenter?.name)),
      manager: input.manager,
    }),
    [HR_GATEWAY_USER]: withoutEmpty({
      privateEmail: pick("privateEmail", settings.privateContact ? cleanText(person.privateEmail) : null),
      privateMobile: pick("privateMobile", settings.privateContact ? cleanText(person.privateMobile) : null),
      startDate: pick("hrStartDate", input.period?.start),
      endDate: pick("hrEndDate", input.period?.end),
      companyNumber: pick("hrCompanyNumber", person.company.number),
      managerEmail: pick("managerEmail", settings.managers ? cleanText(person.manager?.email) : null),
      managerEmployeeNumber: pick(
        "managerEmployeeNumber",
        settings.managers ? cleanText(person.manager?.employeeNumber) : null,
      ),
      ...custom,
    }),
  });
}

/** The displayName served for a person (Okta shows an empty name without one, so it is never left out). */
export function servedDisplayName(person: HrPerson, userName: string): string {
  return personNames(person).displayName ?? userName;
}

/** The object without null/undefined members and without empty nested objects, in the original key order. */
function withoutEmpty(object: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    if (value === null || value === undefined) continue;
    if (typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0) continue;
    kept[key] = value;
  }
  return kept;
}
