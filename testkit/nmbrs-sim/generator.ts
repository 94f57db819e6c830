import {
  currentPersonalInfo,
  type SimCompany,
  type SimDataset,
  type SimEmployee,
  type SimEmployeeType,
  type SimPeriodType,
} from "./dataset.js";
import { COMPANY_NAMES, EMPLOYEE_TYPES, companyDomain } from "./dutch-names.js";
import { FORCED_TRAITS, traitsFor } from "./employee-traits.js";
import { generateEmployee } from "./generated-employee.js";
import { seededRandom, type Random } from "./random.js";

export interface GeneratorOptions {
  readonly seed: number;
  readonly companies: number;
  readonly employeesPerCompany: number;
  /** The simulated today (`YYYY-MM-DD`): starters, leavers and changes are placed around it. */
  readonly today: string;
  /** Number of employee pairs that share one work e-mail (an identity conflict the gateway must hold). */
  readonly conflicts?: number;
  /** Period types given to the companies in turn; default all monthly. */
  readonly periodTypes?: readonly SimPeriodType[];
}

const FIRST_EMPLOYEE_ID = 100_001;
const FIRST_COMPANY_ID = 1_001;

/**
 * A deterministic Nmbrs environment: same options, same dataset. Every company numbers its employees from 1, so
 * employee numbers repeat across companies exactly as they do in Nmbrs.
 */
export function generateDataset(options: GeneratorOptions): SimDataset {
  const random = seededRandom(options.seed);
  const employeeTypes: SimEmployeeType[] = EMPLOYEE_TYPES.map((type, index) => ({ id: index + 1, ...type }));
  const companies = Array.from({ length: options.companies }, (_, index) => companyAt(index));
  const debtorCount = Math.max(1, Math.ceil(options.companies / 5));
  const debtors = Array.from({ length: debtorCount }, (_, index) => ({
    id: 501 + index,
    number: String(index + 1),
    name: `Administratiekantoor ${index + 1}`,
  }));
  const usedLocalParts = new Map<string, number>();
  const employees: SimEmployee[] = [];
  for (const company of companies) {
    const staff: SimEmployee[] = [];
    const uniqueWorkEmail = (localPart: string): string => {
      const key = `${localPart}@${company.domain}`;
      const seen = usedLocalParts.get(key) ?? 0;
      usedLocalParts.set(key, seen + 1);
      // Real directories disambiguate namesakes with digits: jan.de.vries@, jan.de.vries2@, …
      return seen === 0 ? key : `${localPart}${seen + 1}@${company.domain}`;
    };
    for (let index = 0; index < options.employeesPerCompany; index++) {
      const employee = generateEmployee({
        random,
        company,
        employeeId: FIRST_EMPLOYEE_ID + employees.length + index,
        employeeNumber: index + 1,
        employeeTypeId: drawEmployeeType(random),
        today: options.today,
        traits: traitsFor(index, random),
        uniqueWorkEmail,
        // A tree: employee i reports to employee ⌊(i-1)/5⌋, so most managers are colleagues with staff.
        boss: index === 0 ? null : (staff[Math.floor((index - 1) / 5)] ?? null),
      });
      staff.push(employee);
    }
    employees.push(...staff);
  }
  shareWorkEmails(employees, options.conflicts ?? 0);
  return { debtors, companies, employeeTypes, employees };

  function companyAt(index: number): SimCompany {
    const base = COMPANY_NAMES[index % COMPANY_NAMES.length]!;
    const round = Math.floor(index / COMPANY_NAMES.length);
    const name = round === 0 ? base : `${base} ${round + 1}`;
    const domain = round === 0 ? companyDomain(base) : companyDomain(base).replace(/\.nl$/, `${round + 1}.nl`);
    const periodType = options.periodTypes?.[index % options.periodTypes.length] ?? "month";
    return {
      id: FIRST_COMPANY_ID + index,
      number: index + 1,
      name,
      debtorId: 501 + Math.floor(index / 5),
      domain,
      ...(periodType === "month" ? {} : { periodType }),
    };
  }
}

function drawEmployeeType(random: Random): number {
  const draw = random.next();
  if (draw < 0.85) return 1;
  if (draw < 0.93) return 2;
  return draw < 0.98 ? 3 : 4;
}

/**
 * Makes `pairs` pairs of employees share a work e-mail, taken from the end of the dataset so that the forced edge
 * cases at the start of each company stay as they are. Consecutive candidates usually sit in one company; with
 * several companies the last pair crosses a company boundary often enough to cover both cases.
 */
function shareWorkEmails(employees: readonly SimEmployee[], pairs: number): void {
  const candidates = employees.filter(
    (employee) => employee.employeeNumber > FORCED_TRAITS.length && hasWorkEmail(employee),
  );
  for (let pair = 0; pair < pairs; pair++) {
    const owner = candidates[candidates.length - 1 - pair * 2];
    const copier = candidates[candidates.length - 2 - pair * 2];
    if (!owner || !copier)
      throw new Error(`cannot make ${pairs} e-mail conflicts: only ${candidates.length} employees have a work e-mail`);
    for (const record of copier.personalInfo) record.emailWork = currentPersonalInfo(owner)!.emailWork;
  }
}

function hasWorkEmail(employee: SimEmployee): boolean {
  return !!currentPersonalInfo(employee)?.emailWork;
}
