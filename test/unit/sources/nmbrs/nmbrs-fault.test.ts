import { describe, expect, it } from "vitest";
import { faultFromSoap } from "../../../../src/sources/nmbrs/nmbrs-fault.js";

const site = { operation: "EmployeeService.Contract_GetAll_AllEmployeesByCompany", company: "3" };

describe("Nmbrs fault parsing", () => {
  it.each([
    [
      "Server was unable to process request. ---> 1001: Invalid Authentication",
      "1001",
      "check username, token and domain",
      { needsAttention: true },
    ],
    [
      "---> 1002: Unauthorized access",
      "1002",
      "enable Contract_GetAll_AllEmployeesByCompany in the API user's template in Nmbrs",
      { needsAttention: true },
    ],
    ["--->1003: Unauthorized access data", "1003", "no access to company 3", { needsAttention: true }],
    [
      "Server was unable to process request. ---> 2004: Unauthorized access",
      "2004",
      "no access to company 3",
      { needsAttention: true },
    ],
    [
      "Server was unable to process request. ---> 1006: Generic Login Security Failure",
      "1006",
      "temporary",
      { transient: true },
    ],
    [
      "Server was unable to process request. ---> 9999: Unkown",
      "9999",
      "Nmbrs fault 9999 for EmployeeService.Contract_GetAll_AllEmployeesByCompany (company 3): 9999: Unkown",
      {},
    ],
    ["Server was unable to process request. ---> 10001: Report not ready", "10001", "10001", {}],
  ])("%s → %s", (reason, code, message, flags) => {
    const fault = faultFromSoap({ faultCode: "soap:Server", reason }, site);
    expect(fault.code).toBe(code);
    expect(fault.operation).toBe(site.operation);
    expect(fault.company).toBe("3");
    expect(fault.message).toContain(message);
    expect(fault.details).toMatchObject({ code, operation: site.operation, company: "3", ...flags });
  });

  it("keeps the faultcode when the text carries no Nmbrs code", () => {
    const fault = faultFromSoap(
      { faultCode: "soap:Client", reason: "Server did not recognize the value of HTTP Header SOAPAction: X." },
      site,
    );
    expect(fault.code).toBe("soap:Client");
    expect(fault.message).toContain("SOAPAction: X.");
    expect(fault.details.transient).toBeUndefined();
  });
});
