import { beforeEach, describe, expect, it } from "vitest";
import { addEmployee, endEmployment, rehire, removeCompanyEmployees, removeEmployee, setPersonalInfo, setWorkEmail } from "../../src/sim/dataset-mutations.js";
import { currentPersonalInfo, employeesOfCompany, type SimDataset } from "../../src/sim/dataset.js";
import { generateDataset } from "../../src/sim/generator.js";

let dataset: SimDataset;
beforeEach(() => {
  dataset = generateDataset({ seed: 3, companies: 2, employeesPerCompany: 20, today: "2026-11-28" });
});

describe("dataset mutations between simulated days", () => {
  it("adds an employee with the next id and the company's next number", () => {
    const added = addEmployee(dataset, { companyId: 1002, firstName: "Zoë", lastName: "Jansen", startDate: "2026-12-01", workEmail: "zoe@x.nl" });
    expect(added.employeeId).toBe(Math.max(...dataset.employees.map((employee) => employee.employeeId)));
    expect(added.employeeNumber).toBe(21);
    expect(currentPersonalInfo(added)!.emailWork).toBe("zoe@x.nl");
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
