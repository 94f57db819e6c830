import { describe, expect, it } from "vitest";
import { addDays } from "../../../../testkit/nmbrs-sim/dates.js";
import { currentPersonalInfo, type SimEmployee } from "../../../../testkit/nmbrs-sim/dataset.js";
import { generateDataset } from "../../../../testkit/nmbrs-sim/generator.js";

const TODAY = "2026-11-28";
const dataset = generateDataset({ seed: 42, companies: 3, employeesPerCompany: 50, today: TODAY, conflicts: 2 });
const current = (employee: SimEmployee) => currentPersonalInfo(employee)!;
const lastEmployment = (employee: SimEmployee) => employee.employments.at(-1)!;

describe("dataset generator", () => {
  it("gives the same dataset for the same seed, and another for another seed", () => {
    const again = generateDataset({ seed: 42, companies: 3, employeesPerCompany: 50, today: TODAY, conflicts: 2 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(dataset));
    expect(JSON.stringify(generateDataset({ seed: 43, companies: 3, employeesPerCompany: 50, today: TODAY }))).not.toBe(
      JSON.stringify(dataset),
    );
  });

  it("keeps EmployeeIds unique and repeats employee numbers across companies", () => {
    expect(new Set(dataset.employees.map((employee) => employee.employeeId)).size).toBe(150);
    const numberOnes = dataset.employees.filter((employee) => employee.employeeNumber === 1);
    expect(new Set(numberOnes.map((employee) => employee.companyId)).size).toBe(3);
  });

  it.each<[string, (employee: SimEmployee) => boolean]>([
    [
      "a tussenvoegsel",
      (employee) => ["van der", "de", "van", "van den", "ter", "’t"].includes(current(employee).prefix ?? ""),
    ],
    ["a diacritic", (employee) => /[éëöçïü]/i.test(`${current(employee).firstName}${current(employee).lastName}`)],
    [
      "a nickname that differs from the first name",
      (employee) => current(employee).nickname !== current(employee).firstName,
    ],
    ["only a private e-mail", (employee) => !current(employee).emailWork && !!current(employee).emailPrivate],
    ["no e-mail at all", (employee) => !current(employee).emailWork && !current(employee).emailPrivate],
    [
      "a start within 60 days (future starter)",
      (employee) =>
        lastEmployment(employee).startDate > TODAY && lastEmployment(employee).startDate <= addDays(TODAY, 60),
    ],
    [
      "an end in the last 30 days (recent leaver)",
      (employee) =>
        !!lastEmployment(employee).endDate &&
        lastEmployment(employee).endDate! < TODAY &&
        lastEmployment(employee).endDate! >= addDays(TODAY, -30),
    ],
    [
      "an end over a year ago",
      (employee) => !!lastEmployment(employee).endDate && lastEmployment(employee).endDate! < addDays(TODAY, -365),
    ],
    [
      "two employments with a gap (rehire)",
      (employee) =>
        employee.employments.length === 2 && employee.employments[1]!.startDate > employee.employments[0]!.endDate!,
    ],
    [
      "a fixed-term contract",
      (employee) => employee.contracts.some((contract) => !contract.indefinite && contract.endDate !== null),
    ],
    [
      "a ContractID that appears twice",
      (employee) => new Set(employee.contracts.map((contract) => contract.contractId)).size < employee.contracts.length,
    ],
    [
      "an open-ended contract",
      (employee) => employee.contracts.some((contract) => contract.indefinite && contract.endDate === null),
    ],
    ["exactly one personal-info record", (employee) => employee.personalInfo.length === 1],
    [
      "a personal-info history whose older record has another last name",
      (employee) =>
        employee.personalInfo.length > 1 && employee.personalInfo[0]!.lastName !== current(employee).lastName,
    ],
    ["a department change that starts next month", (employee) => employee.departments.length > 1],
    [
      "a manager who is a colleague",
      (employee) =>
        dataset.employees.some(
          (other) => other.companyId === employee.companyId && other.employeeNumber === employee.manager?.number,
        ),
    ],
    ["a manager who is not an employee", (employee) => employee.manager?.number === 0],
    ["no manager", (employee) => employee.manager === null],
  ])("every company has someone with %s", (_name, predicate) => {
    for (const company of dataset.companies) {
      expect(dataset.employees.some((employee) => employee.companyId === company.id && predicate(employee))).toBe(true);
    }
  });

  it("makes exactly the requested e-mail conflicts, and work e-mails unique otherwise", () => {
    const emails = dataset.employees
      .map((employee) => current(employee).emailWork)
      .filter((email): email is string => !!email);
    expect(emails.length - new Set(emails).size).toBe(2);
  });

  it("derives work e-mails from the roepnaam and the company domain, without diacritics", () => {
    for (const employee of dataset.employees.slice(0, 30)) {
      const email = current(employee).emailWork;
      const company = dataset.companies.find((candidate) => candidate.id === employee.companyId)!;
      if (email) expect(email).toMatch(new RegExp(`^[a-z0-9.]+@${company.domain.replace(/\./g, "\\.")}$`));
    }
  });
});
