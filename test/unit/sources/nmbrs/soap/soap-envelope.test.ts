import { describe, expect, it } from "vitest";
import { requestEnvelope, soapAction } from "../../../../../src/sources/nmbrs/soap/soap-envelope.js";

const credentials = { username: "api@acme.nl", token: "t<&>k", domain: "acme" };

describe("request envelopes", () => {
  it.each([
    [
      "CompanyService",
      "List_GetAll",
      {},
      `<List_GetAll xmlns="https://api.nmbrs.nl/soap/v3/CompanyService"></List_GetAll>`,
    ],
    [
      "EmployeeService",
      "List_GetByCompany",
      { CompanyId: 1001, EmployeeType: 1 },
      `<List_GetByCompany xmlns="https://api.nmbrs.nl/soap/v3/EmployeeService"><CompanyId>1001</CompanyId><EmployeeType>1</EmployeeType></List_GetByCompany>`,
    ],
  ] as const)("%s.%s carries its parameters in the service namespace", (service, operation, params, body) => {
    const xml = requestEnvelope(service, operation, params, credentials);
    expect(xml).toContain(`<soap:Body>${body}</soap:Body>`);
    expect(xml).toContain(`<AuthHeaderWithDomain xmlns="https://api.nmbrs.nl/soap/v3/${service}">`);
    expect(xml).toContain('xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"');
  });

  it("escapes credentials", () => {
    expect(requestEnvelope("DebtorService", "List_GetAll", {}, credentials)).toContain(
      "<Token>t&lt;&amp;&gt;k</Token><Domain>acme</Domain>",
    );
  });

  it("quotes the SOAPAction and keeps the api.nmbrs.nl namespace on every host", () => {
    expect(soapAction("EmployeeService", "EmployeeType_GetList")).toBe(
      '"https://api.nmbrs.nl/soap/v3/EmployeeService/EmployeeType_GetList"',
    );
  });
});
