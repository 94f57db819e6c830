import { currentPersonalInfo, type SimDataset, type SimEmployee } from "../../testkit/nmbrs-sim/dataset.js";
import { displayName } from "../../testkit/nmbrs-sim/soap/employee-records.js";
import type { HrCompany, HrPerson } from "../../src/sources/types.js";

/**
 * What an HrPerson should hold for a simulated employee, derived from the dataset independently of the adapter's
 * own mapping code (so a mapping bug cannot hide by being shared). Department/function: the newest started
 * assignment, read directly off the simulator's records.
 */
export function expectedPerson(
  dataset: SimDataset,
  employee: SimEmployee,
  company: HrCompany,
  today: string,
): HrPerson {
  const info = currentPersonalInfo(employee)!;
  const monthOf = (entry: { startYear: number; startPeriod: number }): number =>
    entry.startYear * 100 + entry.startPeriod;
  const now = Number(today.slice(0, 4)) * 100 + Number(today.slice(5, 7));
  const started = <T extends { startYear: number; startPeriod: number }>(entries: T[]): T | undefined =>
    [...entries]
      .filter((entry) => monthOf(entry) <= now)
      .sort((a, b) => monthOf(a) - monthOf(b))
      .at(-1) ?? [...entries].sort((a, b) => monthOf(a) - monthOf(b))[0];
  const fn = started(employee.functions);
  const department = started(employee.departments);
  return {
    sourceKey: String(employee.employeeId),
    company,
    employeeNumber: String(employee.employeeNumber),
    displayName: displayName(info),
    firstName: info.firstName,
    nickname: info.nickname,
    initials: info.initials,
    prefix: info.prefix,
    lastName: info.lastName,
    birthDate: info.birthday,
    workEmail: info.emailWork,
    privateEmail: info.emailPrivate,
    workMobile: info.telephoneMobileWork,
    privateMobile: info.telephoneMobilePrivate,
    employeeType: dataset.employeeTypes.find((type) => type.id === employee.employeeTypeId)!.description,
    department: department ? { code: String(department.code), name: department.description } : null,
    function: fn ? { code: String(fn.code), name: fn.description } : null,
    costCenter: null,
    manager: null,
    periods: [
      ...employee.employments.map((employment) => ({
        kind: "employment" as const,
        start: employment.startDate,
        end: employment.endDate,
      })),
      ...employee.contracts.map((contract) => ({
        kind: "contract" as const,
        start: contract.startDate,
        end: contract.endDate,
      })),
    ],
  };
}
