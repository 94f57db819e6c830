import type { HrCompany, HrPeriod, HrPerson } from "../../types.js";
import type { LoketEmployee, LoketEmployment, LoketOrgEntity } from "../records.js";
import { familyName } from "./name-format.js";

export interface PersonInputs {
  readonly company: HrCompany;
  readonly employee: LoketEmployee;
  readonly employments: readonly LoketEmployment[];
  /** The primary employment (primary-employment.ts); it gives the employee type. */
  readonly primary: LoketEmployment;
  /** The primary employment's line for today (org-entity.ts), or null: no department, function or cost centre. */
  readonly entity: LoketOrgEntity | null;
  readonly costCenters: boolean;
}

/**
 * One Loket employee record as an HrPerson (the Loket spec §2). The key is the employee's GUID: a human working for
 * two employers is two records and so two people, linked elsewhere by e-mail. Loket has no manager field.
 */
export function toHrPerson(inputs: PersonInputs): HrPerson {
  const { employee, entity } = inputs;
  // The five fields the rule reads, not a copy of the whole record with one more.
  const name = familyName({
    prefix: employee.prefix,
    lastName: employee.lastName,
    prefixPartner: employee.prefixPartner,
    lastNamePartner: employee.lastNamePartner,
    formatKey: employee.nameFormat?.key ?? null,
  });
  return {
    sourceKey: employee.id,
    company: inputs.company,
    employeeNumber: employee.employeeNumber,
    displayName: null,
    firstName: employee.firstName,
    // One first-name field: givenName falls back to firstName.
    nickname: null,
    initials: employee.initials,
    prefix: name.prefix,
    lastName: name.lastName,
    birthDate: employee.birthDate,
    workEmail: employee.businessEmail,
    privateEmail: employee.email,
    workMobile: employee.businessMobile,
    privateMobile: employee.mobile,
    employeeType: inputs.primary.typeOfEmployee,
    department: entity?.department ?? null,
    function: entity?.function ?? null,
    costCenter: inputs.costCenters ? (entity?.costCenter ?? null) : null,
    manager: null,
    periods: employmentPeriods(inputs.employments),
  };
}

/** Every employment once (identical start/end pairs once); one without a start cannot make anyone active. */
export function employmentPeriods(employments: readonly LoketEmployment[]): HrPeriod[] {
  const seen = new Set<string>();
  const periods: HrPeriod[] = [];
  for (const employment of employments) {
    if (employment.start === null) continue;
    const key = `${employment.start}|${employment.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    periods.push({ kind: "employment", start: employment.start, end: employment.end });
  }
  return periods;
}
