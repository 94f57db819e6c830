import * as v from "valibot";
import type { HrCompany, HrManagerRef } from "../../types.js";
import type { DatedCostCenterRow, PeriodRow, PeriodicCodeRow, PersonalInfoRow } from "../records.js";
import type { PayrollPeriodType } from "../payroll-period.js";
import { UnreadableJson, date, decimal, flag, id, list, period, readWith, text, timestamp } from "./rest-json.js";

/**
 * Readers for Nmbrs REST list items (docs/nmbrs-rest-api.md): one JSON item in, typed rows out, no I/O. The rows
 * are the SOAP adapter's own (nmbrs-records.ts), so choosing the current record and mapping to HrPerson is one code
 * path for both APIs.
 */

/** `GET /api/companies`: `{ companyId, number, name, debtorId }`. The number is what survives a SOAP → REST move. */
export function readCompany(item: unknown): HrCompany {
  const company = readWith(v.looseObject({ companyId: id, number: id, name: text }), item, "a company");
  return { id: company.companyId, number: company.number, name: company.name ?? `Company ${company.number}` };
}

const PERIOD_TYPES: Readonly<Record<string, PayrollPeriodType>> = {
  month: "month",
  fourweeks: "four-weeks",
  "4w": "four-weeks",
  week: "week",
  w: "week",
  m: "month",
};

/**
 * The company's payroll period type from a `GET /api/companies` item. UNVERIFIED (docs/nmbrs-rest-api.md §3): no
 * public source shows where REST gives it; a `periodType` field is read when present, and a company without one is
 * read as monthly, the common case and what every earlier version assumed. An unknown value fails the read.
 */
export function readCompanyPeriodType(item: unknown): PayrollPeriodType {
  const { periodType } = readWith(v.looseObject({ periodType: text }), item, "a company");
  if (periodType === null) return "month";
  const type = PERIOD_TYPES[periodType.toLowerCase()];
  if (!type)
    throw new UnreadableJson(
      `a company field "periodType": ${JSON.stringify(periodType)} is not month, fourWeeks or week`,
    );
  return type;
}

/** `GET /api/debtors`: `{ debtorId, number, name }`; only the id is needed, to list the debtor's companies. */
export function readDebtorId(item: unknown): string {
  return readWith(v.looseObject({ debtorId: id }), item, "a debtor").debtorId;
}

/** The name fields of a `basicInfo` (personal info) or `employeeBasicInfo` (employee list). */
export type BasicNames = Pick<PersonalInfoRow, "firstName" | "nickname" | "initials" | "prefix" | "lastName">;

/**
 * One employee of `GET /api/companies/{companyId}/employees`: `{ employeeId, employeeBasicInfo: { employeeNumber,
 * firstName, prefix, initials, lastName, employeeType } }` (as the Rebels-io client reads the live API).
 */
export interface RestEmployeeListing {
  readonly employeeId: string;
  readonly employeeNumber: string | null;
  readonly employeeType: string | null;
  readonly names: BasicNames;
}

const basicInfo = v.nullish(
  v.looseObject({
    employeeNumber: text,
    firstName: text,
    firstNameInFull: text,
    nickName: text,
    initials: text,
    prefix: text,
    lastName: text,
    employeeType: text,
    displayName: text,
  }),
);

export function readEmployeeListing(item: unknown): RestEmployeeListing {
  const employee = readWith(v.looseObject({ employeeId: id, employeeBasicInfo: basicInfo }), item, "an employee");
  const basic = employee.employeeBasicInfo;
  return {
    employeeId: employee.employeeId,
    employeeNumber: basic?.employeeNumber ?? null,
    employeeType: basic?.employeeType ?? null,
    names: namesOf(basic),
  };
}

/**
 * In `basicInfo`, `firstName` is the roepnaam and `firstNameInFull` the official first names (the SOAP Nickname and
 * FirstName); a `nickName` is read when present. With `firstName` alone (the employee list), it is the first name.
 */
function namesOf(basic: v.InferOutput<typeof basicInfo>): BasicNames {
  return {
    firstName: basic?.firstNameInFull ?? basic?.firstName ?? null,
    nickname: basic?.nickName ?? (basic?.firstNameInFull ? basic.firstName : null) ?? null,
    initials: basic?.initials ?? null,
    prefix: basic?.prefix ?? null,
    lastName: basic?.lastName ?? null,
  };
}

/** A personal-info history record, with the number and type it carries (used when the list lacks them). */
export interface RestPersonalInfoRow extends PersonalInfoRow {
  readonly employeeNumber: string | null;
  readonly employeeType: string | null;
}

const personalInfoRecord = v.looseObject({
  basicInfo,
  birthInfo: v.nullish(v.looseObject({ birthDate: date })),
  contactInfo: v.nullish(
    v.looseObject({ businessEmail: text, privateEmail: text, businessMobilePhone: text, privateMobilePhone: text }),
  ),
  createdAt: timestamp,
});

/** `…/employees/personalinfo`: `{ employeeId, info: [record…] }`. */
export function readPersonalInfoHistory(item: unknown): PerEmployee<RestPersonalInfoRow> {
  const entry = readWith(
    v.looseObject({ employeeId: id, info: list(personalInfoRecord) }),
    item,
    "a personal-info item",
  );
  return {
    employeeId: entry.employeeId,
    rows: entry.info.map((record) => {
      const basic = record.basicInfo;
      const contact = record.contactInfo;
      const names = namesOf(basic);
      // One literal with every key, in the order listedOnly (company-fetch.ts) writes them too: a row with its names
      // spread into it held more heap (BENCHMARKS.md), and a company's rows are all alive until its people are mapped.
      return {
        displayName: basic?.displayName ?? null,
        firstName: names.firstName,
        nickname: names.nickname,
        initials: names.initials,
        prefix: names.prefix,
        lastName: names.lastName,
        birthDate: record.birthInfo?.birthDate ?? null,
        workEmail: contact?.businessEmail ?? null,
        privateEmail: contact?.privateEmail ?? null,
        workMobile: contact?.businessMobilePhone ?? null,
        privateMobile: contact?.privateMobilePhone ?? null,
        creationDate: record.createdAt,
        employeeNumber: basic?.employeeNumber ?? null,
        employeeType: basic?.employeeType ?? null,
      };
    }),
  };
}

/** One employee's records from a per-company history endpoint. */
export interface PerEmployee<T> {
  readonly employeeId: string;
  readonly rows: readonly T[];
}

const dated = v.looseObject({ startDate: date, endDate: date });

/** `…/employees/employments`: `{ employeeId, employments: [{ employmentId, startDate, endDate, … }] }`. */
export function readEmployments(item: unknown): PerEmployee<PeriodRow> {
  const entry = readWith(v.looseObject({ employeeId: id, employments: list(dated) }), item, "an employments item");
  return { employeeId: entry.employeeId, rows: entry.employments.map(periodRow) };
}

/** `…/employees/contracts`: `{ employeeId, contracts: [{ contractId, startDate, endDate, … }] }`. */
export function readContracts(item: unknown): PerEmployee<PeriodRow> {
  const entry = readWith(v.looseObject({ employeeId: id, contracts: list(dated) }), item, "a contracts item");
  return { employeeId: entry.employeeId, rows: entry.contracts.map(periodRow) };
}

const coded = v.looseObject({ code: text, description: text, period, createdAt: timestamp });

/** `…/employees/functions`: `{ employeeId, functions: [{ functionId, code, description, period, createdAt }] }`. */
export function readFunctions(item: unknown): PerEmployee<PeriodicCodeRow> {
  const entry = readWith(v.looseObject({ employeeId: id, functions: list(coded) }), item, "a functions item");
  return { employeeId: entry.employeeId, rows: entry.functions.map(periodicCode) };
}

/** `…/employees/departments`: as functions, under `departments`. */
export function readDepartments(item: unknown): PerEmployee<PeriodicCodeRow> {
  const entry = readWith(v.looseObject({ employeeId: id, departments: list(coded) }), item, "a departments item");
  return { employeeId: entry.employeeId, rows: entry.departments.map(periodicCode) };
}

const costCenterAssignment = v.looseObject({
  costCenters: v.nullish(v.looseObject({ code: text, description: text })),
  costCenter: v.nullish(v.looseObject({ code: text, description: text })),
  percentage: decimal,
  default: flag,
  period,
  createdAt: timestamp,
});

/**
 * `…/employees/costcenters`: `{ employeeId, employeeCostCenters: [{ costCenters: { code, description }, percentage,
 * default, period, createdAt }] }`, the whole history (brynq's schema); current-records.ts picks the split in force.
 */
export function readCostCenters(item: unknown): PerEmployee<DatedCostCenterRow> {
  const entry = readWith(
    v.looseObject({ employeeId: id, employeeCostCenters: list(costCenterAssignment) }),
    item,
    "a cost-centers item",
  );
  return {
    employeeId: entry.employeeId,
    rows: entry.employeeCostCenters.map((assignment) => {
      const center = assignment.costCenters ?? assignment.costCenter;
      return {
        code: center?.code ?? null,
        name: center?.description ?? "",
        percentage: assignment.percentage ?? 0,
        isDefault: assignment.default ?? false,
        startYear: assignment.period.year,
        startPeriod: assignment.period.period,
        creationDate: assignment.createdAt,
      };
    }),
  };
}

/** A manager assignment, valid from a payroll period like functions and departments. */
export interface ManagerRow extends Omit<PeriodicCodeRow, "code" | "name"> {
  readonly manager: HrManagerRef | null;
}

const managerRecord = v.looseObject({
  number: text,
  firstName: text,
  lastName: text,
  email: text,
  period,
  createdAt: timestamp,
});

/**
 * `…/employees/managers`: `{ employeeId, managers: [{ managerId, number, firstName, lastName, email, period,
 * createdAt, … }] }`. A manager is a debtor-level object; its `number` is read as SOAP's Manager_GetCurrent
 * `Number`: the employee number that links a manager without e-mail to their employee.
 */
export function readManagers(item: unknown): PerEmployee<ManagerRow> {
  const entry = readWith(v.looseObject({ employeeId: id, managers: list(managerRecord) }), item, "a managers item");
  return {
    employeeId: entry.employeeId,
    rows: entry.managers.map((record) => {
      const name = [record.firstName, record.lastName].filter(Boolean).join(" ");
      // Number 0 means "not an employee", as in SOAP's Manager_GetCurrent.
      const manager: HrManagerRef = {
        email: record.email,
        employeeNumber: record.number === "0" ? null : record.number,
        name: name || null,
      };
      return {
        manager: manager.email || manager.employeeNumber || manager.name ? manager : null,
        startYear: record.period.year,
        startPeriod: record.period.period,
        creationDate: record.createdAt,
      };
    }),
  };
}

function periodRow(record: { startDate: string | null; endDate: string | null }): PeriodRow {
  return { start: record.startDate, end: record.endDate };
}

function periodicCode(record: v.InferOutput<typeof coded>): PeriodicCodeRow {
  return {
    code: record.code,
    name: record.description ?? "",
    startYear: record.period.year,
    startPeriod: record.period.period,
    creationDate: record.createdAt,
  };
}
