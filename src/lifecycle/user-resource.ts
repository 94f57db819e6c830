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
}

/** The connector settings that shape a served user's attributes. */
export interface ServedAttributeRules {
  readonly employeeNumberFormat: "plain" | "company-prefixed";
  /** Serve private e-mail and private mobile in the custom extension. */
  readonly privateContact: boolean;
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
  const names = personNames(person);
  const mobile = cleanText(person.workMobile);
  const employeeNumber =
    settings.employeeNumberFormat === "company-prefixed"
      ? `${person.company.number}-${person.employeeNumber}`
      : person.employeeNumber;
  return withoutEmpty({
    schemas: [CORE_USER, ENTERPRISE_USER, HR_GATEWAY_USER],
    id: input.scimId,
    externalId: person.sourceKey,
    userName: input.userName.userName,
    name: withoutEmpty({ formatted: names.formatted, givenName: names.givenName, familyName: names.familyName }),
    displayName: servedDisplayName(person, input.userName.userName),
    title: cleanText(person.function?.name),
    userType: cleanText(person.employeeType),
    active: input.active,
    // Okta reads the e-mail from the entry marked primary, so there is exactly one. Its type says where the address
    // came from: "home" when the connector fell back to the private address.
    emails: [{ value: input.userName.userName, type: input.userName.from === "work" ? "work" : "home", primary: true }],
    phoneNumbers: mobile ? [{ value: mobile, type: "mobile", primary: true }] : null,
    [ENTERPRISE_USER]: withoutEmpty({
      employeeNumber,
      organization: cleanText(person.company.name),
      department: cleanText(person.department?.name),
      costCenter: cleanText(person.costCenter?.name),
      manager: input.manager,
    }),
    [HR_GATEWAY_USER]: withoutEmpty({
      privateEmail: settings.privateContact ? cleanText(person.privateEmail) : null,
      privateMobile: settings.privateContact ? cleanText(person.privateMobile) : null,
      startDate: input.period?.start,
      endDate: input.period?.end,
      companyNumber: person.company.number,
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
