import { addDays, payrollPeriodOn, timestampOn } from "./dates.js";
import type {
  PersonalInfoRecord,
  SimAssignment,
  SimCompany,
  SimContract,
  SimCostCenter,
  SimEmployee,
  SimManager,
  SimPeriodType,
} from "./dataset.js";
import { managerContact } from "./dataset.js";
import { COST_CENTERS, DEPARTMENTS, FIRST_NAMES, FUNCTIONS, LAST_NAMES, mailLocalPart } from "./dutch-names.js";
import type { EmployeeTraits } from "./employee-traits.js";
import type { Random } from "./random.js";

export interface EmployeeContext {
  readonly random: Random;
  readonly company: SimCompany;
  readonly employeeId: number;
  readonly employeeNumber: number;
  readonly employeeTypeId: number;
  readonly today: string;
  readonly traits: EmployeeTraits;
  /** Turns a wanted local part into a work e-mail no one else in the dataset has. */
  readonly uniqueWorkEmail: (localPart: string) => string;
  /** A colleague generated earlier, for a manager that is an employee. */
  readonly boss: SimEmployee | null;
}

interface WorkPeriod {
  readonly start: string;
  readonly end: string | null;
}

export function generateEmployee(context: EmployeeContext): SimEmployee {
  const { random, employeeId, traits } = context;
  const periods = workPeriods(traits.lifecycle, context.today, random);
  const firstStart = periods[0]!.start;
  const personalInfo = personalInfoHistory(context, firstStart);
  const changeDate = traits.futureChange ? addDays(context.today, 31) : null;
  const periodType = context.company.periodType ?? "month";
  return {
    employeeId,
    companyId: context.company.id,
    employeeNumber: context.employeeNumber,
    employeeTypeId: context.employeeTypeId,
    personalInfo,
    employments: periods.map((period, index) => ({
      employmentId: employeeId * 10 + index,
      startDate: period.start,
      endDate: period.end,
      initialStartDate: firstStart,
      creationDate: timestampOn(addDays(period.start, -14), 36_000),
    })),
    contracts: withDuplicateId(
      periods.flatMap((period, index) =>
        contractsFor(period, employeeId * 10 + index * 2, traits.lifecycle === "fixed-term", random),
      ),
      traits.duplicateContractId,
    ),
    functions: assignmentHistory(FUNCTIONS, 100, firstStart, changeDate, periodType, random).map((entry, index) => ({
      ...entry,
      recordId: employeeId * 10 + index,
    })),
    departments: assignmentHistory(DEPARTMENTS, 200, firstStart, changeDate, periodType, random),
    costCenters: costCenterHistory(firstStart, context.today, periodType, random),
    manager: managerFor(context),
  };
}

function workPeriods(lifecycle: EmployeeTraits["lifecycle"], today: string, random: Random): WorkPeriod[] {
  switch (lifecycle) {
    case "future-starter":
      return [{ start: addDays(today, random.int(1, 60)), end: null }];
    case "recent-leaver":
      return [{ start: addDays(today, -random.int(400, 2000)), end: addDays(today, -random.int(1, 30)) }];
    case "long-ago-leaver": {
      const end = addDays(today, -random.int(365, 1800));
      return [{ start: addDays(end, -random.int(200, 2000)), end }];
    }
    case "rehire": {
      const firstEnd = addDays(today, -random.int(800, 1500));
      return [
        { start: addDays(firstEnd, -random.int(300, 1500)), end: firstEnd },
        { start: addDays(firstEnd, random.int(30, 300)), end: null },
      ];
    }
    case "fixed-term":
      return [{ start: addDays(today, -random.int(30, 300)), end: addDays(today, random.int(30, 365)) }];
    case "regular":
      return [{ start: addDays(today, -random.int(30, 3650)), end: null }];
  }
}

/** Open-ended employments often began with a one-year fixed-term contract, so some get two contracts. */
function contractsFor(period: WorkPeriod, firstId: number, fixedTerm: boolean, random: Random): SimContract[] {
  const created = timestampOn(addDays(period.start, -10), 40_000);
  const hoursPerWeek = random.pick([40, 36, 32, 24, 16]);
  const yearLater = addDays(period.start, 365);
  if (!fixedTerm && period.end === null && random.chance(0.3)) {
    return [
      {
        contractId: firstId,
        startDate: period.start,
        endDate: addDays(yearLater, -1),
        indefinite: false,
        hoursPerWeek,
        creationDate: created,
      },
      {
        contractId: firstId + 1,
        startDate: yearLater,
        endDate: null,
        indefinite: true,
        hoursPerWeek,
        creationDate: timestampOn(addDays(yearLater, -20), 40_000),
      },
    ];
  }
  return [
    {
      contractId: firstId,
      startDate: period.start,
      endDate: period.end,
      indefinite: period.end === null,
      hoursPerWeek,
      creationDate: created,
    },
  ];
}

/**
 * Nmbrs sometimes keeps an amendment under the contract's own ContractID, so one id appears twice: here the hours
 * change two weeks into the latest contract, the first record ending the day before.
 */
function withDuplicateId(contracts: SimContract[], duplicate: boolean): SimContract[] {
  const latest = contracts.at(-1);
  if (!duplicate || !latest) return contracts;
  const amendedFrom = addDays(latest.startDate, 14);
  return [
    ...contracts.slice(0, -1),
    { ...latest, endDate: addDays(amendedFrom, -1), indefinite: false },
    {
      ...latest,
      startDate: amendedFrom,
      hoursPerWeek: latest.hoursPerWeek === 40 ? 32 : 40,
      creationDate: timestampOn(amendedFrom, 40_000),
    },
  ];
}

function personalInfoHistory(context: EmployeeContext, firstStart: string): PersonalInfoRecord[] {
  const { random, traits, employeeId } = context;
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  const hasWork = traits.email === "work";
  const privateLocal = `${mailLocalPart(first.nickname, last.name)}${random.int(1, 99)}`;
  const current: PersonalInfoRecord = {
    id: employeeId * 10,
    firstName: first.official,
    initials: `${first.official.charAt(0)}.`,
    prefix: last.prefix,
    lastName: last.name,
    nickname: first.nickname,
    gender: first.gender,
    birthday: `${random.int(1960, 2004)}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`,
    emailWork: hasWork ? context.uniqueWorkEmail(mailLocalPart(first.nickname, last.prefix, last.name)) : null,
    emailPrivate:
      traits.email === "none" ? null : `${privateLocal}@${random.pick(["gmail.com", "hotmail.nl", "ziggo.nl"])}`,
    telephoneMobileWork: hasWork && random.chance(0.6) ? mobile(random) : null,
    telephoneMobilePrivate: random.chance(0.7) ? mobile(random) : null,
    creationDate: timestampOn(addDays(firstStart, -14), 32_400 + random.int(0, 3600)),
  };
  if (!traits.history) return [current];
  // Older records carry a previous (maiden) name and the e-mail that went with it: a client that does not pick
  // the newest record serves the wrong name.
  const previous = random.pick(LAST_NAMES);
  const older: PersonalInfoRecord = {
    ...current,
    id: current.id + 1,
    prefix: previous.prefix,
    lastName: previous.name,
    emailWork: current.emailWork && `old.${current.emailWork}`,
    creationDate: current.creationDate,
  };
  const newer: PersonalInfoRecord = {
    ...current,
    id: current.id + 2,
    creationDate: timestampOn(addDays(firstStart, random.int(1, 20)), 50_000),
  };
  return [older, newer];
}

/** One assignment from the start period, plus a change starting a month from today when the employee has one planned. */
function assignmentHistory(
  values: readonly string[],
  firstId: number,
  start: string,
  changeDate: string | null,
  periodType: SimPeriodType,
  random: Random,
): SimAssignment[] {
  const at = (date: string): SimAssignment => {
    const index = random.int(0, values.length - 1);
    const { year, period } = payrollPeriodOn(date, periodType);
    return {
      id: firstId + index,
      code: index + 1,
      description: values[index]!,
      startYear: year,
      startPeriod: period,
      creationDate: timestampOn(addDays(date, -7), 39_600),
    };
  };
  return changeDate ? [at(start), at(changeDate)] : [at(start)];
}

/**
 * A split from the start, and for about a third of those who started over a year ago a later one (a move to
 * another cost center half a year ago), oldest first as history is kept: the current split is not the first row.
 */
function costCenterHistory(start: string, today: string, periodType: SimPeriodType, random: Random): SimCostCenter[] {
  const history = costCenterSplit(start, periodType, random);
  if (start < addDays(today, -400) && random.chance(0.35))
    history.push(...costCenterSplit(addDays(today, -180), periodType, random));
  return history;
}

function costCenterSplit(from: string, periodType: SimPeriodType, random: Random): SimCostCenter[] {
  const { year, period } = payrollPeriodOn(from, periodType);
  const dated = { startYear: year, startPeriod: period, creationDate: timestampOn(addDays(from, -5), 41_000) };
  const main = random.int(0, COST_CENTERS.length - 1);
  if (random.chance(0.8))
    return [{ code: main + 1, description: COST_CENTERS[main]!, percentage: 100, default: true, ...dated }];
  const other = (main + 1) % COST_CENTERS.length;
  return [
    { code: other + 1, description: COST_CENTERS[other]!, percentage: 40, default: false, ...dated },
    { code: main + 1, description: COST_CENTERS[main]!, percentage: 60, default: random.chance(0.5), ...dated },
  ];
}

function managerFor(context: EmployeeContext): SimManager | null {
  const { traits, boss, random } = context;
  if (traits.manager === "external" || (traits.manager === "colleague" && !boss)) {
    return {
      number: 0,
      firstName: "Extern",
      name: "Interim Bureau",
      email: `manager${random.int(1, 9)}@interim-bureau.nl`,
      department: null,
      function: "Interim manager",
    };
  }
  if (traits.manager === "none" || !boss) return null;
  return managerContact(boss);
}

function mobile(random: Random): string {
  return `+316${String(random.int(0, 99_999_999)).padStart(8, "0")}`;
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}
