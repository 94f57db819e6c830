import type { HrPerson, IsoDate } from "../types.js";

/** Nmbrs SOAP records as the adapter reads them, before a current one is chosen and mapped to HrPerson. */

export interface EmployeeListing {
  readonly employeeId: string;
  readonly employeeNumber: string;
  readonly employeeType: string;
}

/** The HrPerson fields a personal-info record supplies, plus when the record was made. */
export interface PersonalInfoRow
  extends Pick<
    HrPerson,
    | "displayName"
    | "firstName"
    | "nickname"
    | "initials"
    | "prefix"
    | "lastName"
    | "birthDate"
    | "workEmail"
    | "privateEmail"
    | "workMobile"
    | "privateMobile"
  > {
  /** `YYYY-MM-DDTHH:mm:ss`; null when Nmbrs sent none (such a record never wins over a dated one). */
  readonly creationDate: string | null;
}

export interface PeriodRow {
  readonly start: IsoDate | null;
  readonly end: IsoDate | null;
}

/** A function or department assignment, valid from a payroll period (counted in the company's period type). */
export interface PeriodicCodeRow {
  readonly code: string | null;
  readonly name: string;
  readonly startYear: number;
  readonly startPeriod: number;
  readonly creationDate: string | null;
}

export interface CostCenterRow {
  readonly code: string | null;
  readonly name: string;
  readonly percentage: number;
  readonly isDefault: boolean;
}

/** A cost-center row of REST's history, in force from a payroll period (SOAP asks for one period instead). */
export interface DatedCostCenterRow
  extends CostCenterRow,
    Pick<PeriodicCodeRow, "startYear" | "startPeriod" | "creationDate"> {}

/** Rows per EmployeeId. */
export type ByEmployee<T> = ReadonlyMap<string, readonly T[]>;

/** The one row of each EmployeeId's history that counts (the current one); none for an empty history. */
export type CurrentByEmployee<T> = ReadonlyMap<string, T>;
