import { beforeEach, describe, expect, it } from "vitest";
import {
  addEmployee,
  addEmployees,
  assignDepartment,
  assignFunction,
  endEmployment,
  rehire,
  removeCompanyEmployees,
  removeEmployee,
  setManager,
  setPersonalInfo,
  setWorkEmail,
} from "../../../../testkit/nmbrs-sim/dataset-mutations.js";
import { currentPersonalInfo, employeesOfCompany, type SimDataset } from "../../../../testkit/nmbrs-sim/dataset.js";
import { generateDataset } from "../../../../testkit/nmbrs-sim/generator.js";

let dataset: SimDataset;
beforeEach(() => {
  dataset = generateDataset({ seed: 3, companies: 2, employeesPerCompany: 20, today: "2026-11-28" });
});

describe("dataset mutations between simulated days", () => {
  it("adds an employee with the next id and the company's next number", () => {
    const added = addEmployee(dataset, {
      companyId: 1002,
      firstName: "Zoë",
      lastName: "Jansen",
      startDate: "2026-12-01",
      workEmail: "zoe@x.nl",
    });
    expect(added.employeeId).toBe(Math.max(...dataset.employees.map((employee) => employee.employeeId)));
    expect(added.employeeNumber).toBe(21);
    expect(currentPersonalInfo(added)!.emailWork).toBe("zoe@x.nl");
  });

  it("adds an employee with exact dates, a department and a function from the start date's payroll period", () => {
    const added = addEmployee(dataset, {
      companyId: 1001,
      firstName: "Piet",
      lastName: "Nieuw",
      startDate: "2027-02-01",
      endDate: "2027-07-31",
      department: { code: 10, description: "Sales" },
      function: { code: 2, description: "Teamleider" },
    });
    expect(added.employments).toEqual([
      expect.objectContaining({ startDate: "2027-02-01", endDate: "2027-07-31", initialStartDate: "2027-02-01" }),
    ]);
    expect(added.contracts).toEqual([
      expect.objectContaining({ startDate: "2027-02-01", endDate: "2027-07-31", indefinite: false }),
    ]);
    expect(added.departments).toEqual([
      expect.objectContaining({ code: 10, description: "Sales", startYear: 2027, startPeriod: 2 }),
    ]);
    expect(added.functions).toEqual([
      expect.objectContaining({ code: 2, description: "Teamleider", startYear: 2027, startPeriod: 2 }),
    ]);
  });

  it("adds many employees at once, numbering each company on from its highest number", () => {
    const highestId = Math.max(...dataset.employees.map((employee) => employee.employeeId));
    const added = addEmployees(dataset, [
      { companyId: 1001, firstName: "A", lastName: "Een", startDate: "2020-01-01" },
      { companyId: 1002, firstName: "B", lastName: "Twee", startDate: "2020-01-01", employeeNumber: 50 },
      { companyId: 1001, firstName: "C", lastName: "Drie", startDate: "2020-01-01" },
      { companyId: 1002, firstName: "D", lastName: "Vier", startDate: "2020-01-01" },
    ]);
    expect(added.map((employee) => [employee.employeeId, employee.companyId, employee.employeeNumber])).toEqual([
      [highestId + 1, 1001, 21],
      [highestId + 2, 1002, 50],
      [highestId + 3, 1001, 22],
      [highestId + 4, 1002, 51],
    ]);
    expect(dataset.employees.slice(-4)).toEqual(added);
  });

  it("changes department and function from a later payroll period, keeping the earlier ones as history", () => {
    const id = dataset.employees[0]!.employeeId;
    const before = {
      departments: dataset.employees[0]!.departments.length,
      functions: dataset.employees[0]!.functions.length,
    };
    assignDepartment(dataset, id, { code: 20, description: "Finance" }, "2026-12-15");
    assignFunction(dataset, id, { code: 3, description: "Controller" }, "2027-01-01");
    const employee = dataset.employees[0]!;
    expect(employee.departments).toHaveLength(before.departments + 1);
    expect(employee.departments.at(-1)).toMatchObject({
      code: 20,
      description: "Finance",
      startYear: 2026,
      startPeriod: 12,
    });
    expect(employee.functions.at(-1)).toMatchObject({
      code: 3,
      description: "Controller",
      startYear: 2027,
      startPeriod: 1,
    });
    expect(new Set(employee.functions.map((entry) => entry.recordId)).size).toBe(employee.functions.length);
  });

  it("links a colleague as manager by their current contact data, an external contact as given, or none", () => {
    const boss = addEmployee(dataset, {
      companyId: 1001,
      firstName: "Beatrix",
      nickname: "Bea",
      prefix: "de",
      lastName: "Baas",
      workEmail: "bea@x.nl",
      startDate: "2020-01-01",
    });
    const id = dataset.employees[3]!.employeeId;
    expect(setManager(dataset, id, boss.employeeId)).toEqual({
      number: boss.employeeNumber,
      firstName: "Bea",
      name: "de Baas",
      email: "bea@x.nl",
      department: null,
      function: null,
    });
    const external = {
      number: 0,
      firstName: "Extern",
      name: "Bureau",
      email: "interim@bureau.nl",
      department: null,
      function: "Interim manager",
    };
    setManager(dataset, id, external);
    expect(dataset.employees[3]!.manager).toEqual(external);
    setManager(dataset, id, null);
    expect(dataset.employees[3]!.manager).toBeNull();
  });

  it("removes an employee", () => {
    removeEmployee(dataset, 100001);
    expect(dataset.employees.some((employee) => employee.employeeId === 100001)).toBe(false);
  });

  it("ends the last employment and contract, then rehires after a gap", () => {
    const id = dataset.employees[1]!.employeeId;
    endEmployment(dataset, id, "2026-12-31");
    rehire(dataset, id, "2027-03-01");
    const employee = dataset.employees[1]!;
    expect(employee.employments.at(-2)!.endDate).toBe("2026-12-31");
    expect(employee.employments.at(-1)).toMatchObject({ startDate: "2027-03-01", endDate: null });
    expect(employee.contracts.at(-1)).toMatchObject({ startDate: "2027-03-01", indefinite: true });
  });

  it("appends personal-info records that become current", () => {
    const id = dataset.employees[2]!.employeeId;
    const before = dataset.employees[2]!.personalInfo.length;
    setPersonalInfo(dataset, id, { lastName: "Nieuw" });
    setWorkEmail(dataset, id, null);
    const employee = dataset.employees[2]!;
    expect(employee.personalInfo).toHaveLength(before + 2);
    expect(currentPersonalInfo(employee)).toMatchObject({ lastName: "Nieuw", emailWork: null });
  });

  it("removes a fraction of a company's employees", () => {
    const removed = removeCompanyEmployees(dataset, 1001, 0.5);
    expect(removed).toHaveLength(10);
    expect(employeesOfCompany(dataset, 1001)).toHaveLength(10);
    expect(employeesOfCompany(dataset, 1002)).toHaveLength(20);
  });
});
