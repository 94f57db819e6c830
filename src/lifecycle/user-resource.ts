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
  const userName = input.userName.userName;
  const mobile = pick("primaryPhone", cleanText(person.workMobile));
  const employeeNumber =
    settings.employeeNumberFormat === "company-prefixed"
      ? `${person.company.number}-${person.employeeNumber}`
      : person.employeeNumber;
  const hrGateway = new PresentValues()
    .add("privateEmail", pick("privateEmail", settings.privateContact ? cleanText(person.privateEmail) : null))
    .add("privateMobile", pick("privateMobile", settings.privateContact ? cleanText(person.privateMobile) : null))
    .add("startDate", pick("hrStartDate", input.period?.start))
    .add("endDate", pick("hrEndDate", input.period?.end))
    .add("companyNumber", pick("hrCompanyNumber", person.company.number))
    .add("managerEmail", pick("managerEmail", settings.managers ? cleanText(person.manager?.email) : null))
    .add(
      "managerEmployeeNumber",
      pick("managerEmployeeNumber", settings.managers ? cleanText(person.manager?.employeeNumber) : null),
    );
  for (const key of input.customAttributes ?? []) hrGateway.add(key, mapped[key]);
  return (
    new PresentValues()
      .add("schemas", [CORE_USER, ENTERPRISE_USER, HR_GATEWAY_USER])
      .add("id", input.scimId)
      .add("externalId", person.sourceKey)
      .add("userName", userName)
      .add(
        "name",
        new PresentValues()
          .add("formatted", names.formatted)
          .add("givenName", pick("givenName", names.givenName))
          .add("familyName", pick("familyName", names.familyName))
          .orNull(),
      )
      .add("displayName", pick("displayName", null) ?? servedDisplayName(person, userName, names))
      .add("title", pick("title", cleanText(person.function?.name)))
      .add("userType", pick("userType", cleanText(person.employeeType)))
      .add("active", input.active)
      // Okta reads the e-mail from the entry marked primary, so there is exactly one. Its type says where the address
      // came from: "home" when the connector fell back to the private address.
      .add("emails", [{ value: userName, type: input.userName.from === "private" ? "home" : "work", primary: true }])
      .add("phoneNumbers", mobile ? [{ value: mobile, type: "mobile", primary: true }] : null)
      .add(
        ENTERPRISE_USER,
        new PresentValues()
          .add("employeeNumber", pick("employeeNumber", employeeNumber))
          .add("organization", pick("organization", cleanText(person.company.name)))
          .add("department", pick("department", cleanText(person.department?.name)))
          .add("costCenter", pick("costCenter", cleanText(person.costCenter?.name)))
          .add("manager", input.manager)
          .orNull(),
      )
      .add(HR_GATEWAY_USER, hrGateway.orNull())
      .orNull()!
  );
}

/** The displayName served for a person (Okta shows an empty name without one, so it is never left out). */
export function servedDisplayName(person: HrPerson, userName: string, names = personNames(person)): string {
  return names.displayName ?? userName;
}

/**
 * An object of the values that are present, in the order they were added: null and undefined are left out rather
 * than served as null. Built member by member: a served user is made for every person of every run, and building a
 * literal to copy its present members into a second object cost more than the rest of the resource.
 */
class PresentValues {
  private readonly values: Record<string, unknown> = {};
  private empty = true;

  add(key: string, value: unknown): this {
    if (value === null || value === undefined) return this;
    this.values[key] = value;
    this.empty = false;
    return this;
  }

  /** The object, or null when nothing was present (an empty object is left out like an absent value). */
  orNull(): Record<string, unknown> | null {
    return this.empty ? null : this.values;
  }
}
