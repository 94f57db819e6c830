import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addEmployee } from "../../testkit/nmbrs-sim/dataset-mutations.js";
import { addDays } from "../../testkit/nmbrs-sim/dates.js";
import { SIM_CREDENTIALS, SIM_TODAY, postRaw, startSimulatedNmbrs, type SimulatedNmbrs } from "../support/nmbrs-sim.js";

/** The simulator at the wire, as clients other than ours (HelloID, GO2, zeep) talk to it (Nmbrs API reference). */

const NS = "https://api.nmbrs.nl/soap/v3/EmployeeService";
const SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
const SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
const AUTH = `<Username>${SIM_CREDENTIALS.username}</Username><Token>${SIM_CREDENTIALS.token}</Token><Domain>${SIM_CREDENTIALS.domain}</Domain>`;

let nmbrs: SimulatedNmbrs;
let employeeService: string;

beforeAll(async () => {
  nmbrs = await startSimulatedNmbrs(
    { companies: 2, employeesPerCompany: 15 },
    { disabledOperations: ["EmployeeService.Manager_GetCurrent"] },
  );
  employeeService = `${nmbrs.sim.url}/EmployeeService.asmx`;
});
afterAll(() => nmbrs.sim.close());

function envelope(
  soapNs: string,
  body: string,
  header = `<AuthHeaderWithDomain xmlns="${NS}">${AUTH}</AuthHeaderWithDomain>`,
): string {
  return `<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="${soapNs}"><s:Header>${header}</s:Header><s:Body>${body}</s:Body></s:Envelope>`;
}

const listByCompany = (companyId: number, type = 1): string =>
  `<List_GetByCompany xmlns="${NS}"><CompanyId>${companyId}</CompanyId><EmployeeType>${type}</EmployeeType></List_GetByCompany>`;

describe("simulator wire format", () => {
  it.each([
    [
      "SOAP 1.2 as text/xml without SOAPAction (HelloID)",
      SOAP12,
      { "content-type": "text/xml; charset=utf-8" },
      "application/soap+xml; charset=utf-8",
    ],
    [
      "SOAP 1.2 with the action in the Content-Type (GO2)",
      SOAP12,
      { "content-type": `application/soap+xml; charset=utf-8; action="${NS}/List_GetByCompany"` },
      "application/soap+xml; charset=utf-8",
    ],
    [
      "SOAP 1.1 with SOAPAction",
      SOAP11,
      { "content-type": "text/xml; charset=utf-8", soapaction: `"${NS}/List_GetByCompany"` },
      "text/xml; charset=utf-8",
    ],
  ])("accepts %s and answers in the same version", async (_name, soapNs, headers, expectedType) => {
    const answer = await postRaw(employeeService, envelope(soapNs, listByCompany(1001)), headers);
    expect(answer.status).toBe(200);
    expect(answer.contentType).toBe(expectedType);
    expect(answer.body).toMatch(
      new RegExp(
        `^<\\?xml version="1.0" encoding="utf-8"\\?><soap:Envelope xmlns:xsi="[^"]+" xmlns:xsd="[^"]+" xmlns:soap="${soapNs}"><soap:Body><List_GetByCompanyResponse`,
      ),
    );
    expect(answer.body).toContain("<Employee><Id>");
  });

  it("accepts prefixed operation elements, AuthHeader without Domain, and any header child order", async () => {
    const body = `<emp:List_GetByCompany xmlns:emp="${NS}" xmlns="${NS}"><emp:CompanyId>1001</emp:CompanyId><emp:EmployeeType>1</emp:EmployeeType></emp:List_GetByCompany>`;
    const header = `<AuthHeader xmlns="${NS}"><Token>${SIM_CREDENTIALS.token}</Token><Username>${SIM_CREDENTIALS.username}</Username></AuthHeader>`;
    const answer = await postRaw(employeeService, envelope(SOAP11, body, header), { "content-type": "text/xml" });
    expect(answer.status).toBe(200);
  });

  it("writes an empty list as <XResult />, omits null strings and writes nil dates as xsi:nil", async () => {
    const empty = await postRaw(employeeService, envelope(SOAP11, listByCompany(1001, 99)), {
      "content-type": "text/xml",
    });
    expect(empty.body).toContain("<List_GetByCompanyResult />");
    const employee = addEmployee(nmbrs.dataset, {
      companyId: 1002,
      firstName: "Zoë",
      lastName: "Ölçer",
      startDate: "2026-01-05",
      workEmail: null,
    });
    const contracts = await postRaw(
      employeeService,
      envelope(
        SOAP11,
        `<Contract_GetAll_AllEmployeesByCompany xmlns="${NS}"><CompanyID>1002</CompanyID></Contract_GetAll_AllEmployeesByCompany>`,
      ),
      {
        "content-type": "text/xml",
      },
    );
    expect(contracts.body).toContain(
      `<EmployeeId>${employee.employeeId}</EmployeeId><EmployeeContracts><EmployeeContract><ContractID>`,
    );
    expect(contracts.body).toContain('<EndDate xsi:nil="true" />');
    const info = await postRaw(
      employeeService,
      envelope(
        SOAP11,
        `<PersonalInfo_GetCurrent xmlns="${NS}"><EmployeeId>${employee.employeeId}</EmployeeId></PersonalInfo_GetCurrent>`,
      ),
      {
        "content-type": "text/xml",
      },
    );
    expect(info.body).toContain("<FirstName>Zoë</FirstName>");
    expect(info.body).not.toContain("EmailWork");
  });

  it.each([
    [
      "an unknown SOAPAction",
      SOAP11,
      { soapaction: `"${NS}/Nope"` },
      "<faultcode>soap:Client</faultcode><faultstring>Server did not recognize the value of HTTP Header SOAPAction: Nope.</faultstring>",
    ],
    [
      "a wrong token (1.2 fault shape)",
      SOAP12,
      {},
      '<soap:Value>soap:Receiver</soap:Value></soap:Code><soap:Reason><soap:Text xml:lang="en">Server was unable to process request. ---&gt; 1001: Invalid Authentication</soap:Text>',
    ],
  ])("answers %s with an HTTP 500 fault", async (_name, soapNs, headers, expected) => {
    const auth =
      soapNs === SOAP12
        ? `<AuthHeaderWithDomain xmlns="${NS}"><Username>x</Username><Token>bad</Token><Domain>acme</Domain></AuthHeaderWithDomain>`
        : undefined;
    const answer = await postRaw(employeeService, envelope(soapNs, listByCompany(1001), auth), {
      "content-type": "text/xml",
      ...headers,
    });
    expect(answer.status).toBe(500);
    expect(answer.body).toContain(expected);
  });

  it.each([
    [
      "a disabled operation",
      `<Manager_GetCurrent xmlns="${NS}"><EmployeeId>100001</EmployeeId></Manager_GetCurrent>`,
      "---&gt; 1002: ",
    ],
    [
      "an unknown employee",
      `<Function_GetCurrent xmlns="${NS}"><EmployeeId>1</EmployeeId></Function_GetCurrent>`,
      "---&gt; 2003: ",
    ],
    [
      "CompanyId where the bulk call wants CompanyID",
      `<Employment_GetAll_AllEmployeesByCompany xmlns="${NS}"><CompanyId>1001</CompanyId></Employment_GetAll_AllEmployeesByCompany>`,
      "---&gt; 2004: ",
    ],
  ])("refuses %s with the Nmbrs code", async (_name, body, expected) => {
    const answer = await postRaw(employeeService, envelope(SOAP11, body), { "content-type": "text/xml" });
    expect(answer.status).toBe(500);
    expect(answer.body).toContain(expected);
  });

  it("escapes quotes and apostrophes too, as an XML writer may", async () => {
    const employee = addEmployee(nmbrs.dataset, {
      companyId: 1001,
      firstName: "Renée",
      lastName: `D'Souza "Jr"`,
      startDate: "2026-01-05",
    });
    const info = await postRaw(
      employeeService,
      envelope(
        SOAP11,
        `<PersonalInfo_GetCurrent xmlns="${NS}"><EmployeeId>${employee.employeeId}</EmployeeId></PersonalInfo_GetCurrent>`,
      ),
      {
        "content-type": "text/xml",
      },
    );
    expect(info.body).toContain("<LastName>D&apos;Souza &quot;Jr&quot;</LastName>");
  });

  it("serves the BSN only in PersonalInfo_GetAll_…, as a number that passes the eleven test", async () => {
    const call = (operation: string) =>
      postRaw(
        employeeService,
        envelope(SOAP11, `<${operation} xmlns="${NS}"><CompanyID>1001</CompanyID></${operation}>`),
        { "content-type": "text/xml" },
      );
    const withBsn = await call("PersonalInfo_GetAll_AllEmployeesByCompany");
    const bsns = [...withBsn.body.matchAll(/<BSN>(\d{9})<\/BSN>/g)].map((match) => match[1]!);
    expect(bsns.length).toBeGreaterThan(0);
    for (const bsn of bsns) {
      const sum = [...bsn.slice(0, 8)].reduce((total, digit, index) => total + Number(digit) * (9 - index), 0);
      expect(sum % 11).toBe(Number(bsn[8]));
    }
    expect((await call("PersonalInfoWithoutBSN_Get_GetAllEmployeesByCompany")).body).not.toContain("<BSN>");
  });

  it("answers *_GetCurrent for the simulated today, which tests may move forward", async () => {
    const employee = nmbrs.dataset.employees.find((candidate) => candidate.departments.length > 1)!;
    employee.departments[1]!.description = "Nieuwe afdeling";
    const current = async (): Promise<string> => {
      const answer = await postRaw(
        employeeService,
        envelope(
          SOAP11,
          `<Department_GetCurrent xmlns="${NS}"><EmployeeId>${employee.employeeId}</EmployeeId></Department_GetCurrent>`,
        ),
        {
          "content-type": "text/xml",
        },
      );
      return /<Description>([^<]*)<\/Description>/.exec(answer.body)![1]!;
    };
    try {
      expect(await current()).toBe(employee.departments[0]!.description);
      nmbrs.sim.settings.today = addDays(SIM_TODAY, 70);
      expect(await current()).toBe("Nieuwe afdeling");
    } finally {
      nmbrs.sim.settings.today = SIM_TODAY;
    }
  });

  it("refuses a request with a DTD, as ASMX does, without expanding it", async () => {
    const bomb =
      `<?xml version="1.0"?><!DOCTYPE s:Envelope [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>` +
      envelope(SOAP11, listByCompany(1001)).replace(/^<\?xml[^>]*>/, "");
    const answer = await postRaw(employeeService, bomb, { "content-type": "text/xml" });
    expect(answer.status).toBe(500);
    expect(answer.body).toContain("<faultcode>soap:Client</faultcode>");
    expect(answer.body).toContain("DTD is prohibited");
  });

  it("counts calls and bytes per operation", async () => {
    const before = nmbrs.sim.stats.callsTo("EmployeeService.List_GetByCompany");
    await postRaw(employeeService, envelope(SOAP11, listByCompany(1001)), { "content-type": "text/xml" });
    expect(nmbrs.sim.stats.callsTo("EmployeeService.List_GetByCompany")).toBe(before + 1);
    expect(nmbrs.sim.stats.operations.get("EmployeeService.List_GetByCompany")!.bytes).toBeGreaterThan(0);
  });
});
