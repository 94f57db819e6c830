import { describe, expect, it } from "vitest";
import { CompanyValues } from "../../../../../src/sources/nmbrs/company-values.js";
import { readEmployments, readPersonalInfos } from "../../../../../src/sources/nmbrs/soap/employee-readers.js";
import { readSoapFault } from "../../../../../src/sources/nmbrs/nmbrs-fault.js";
import {
  UnreadableXml,
  child,
  date,
  flatText,
  integer,
  list,
  readSoapBody,
  text,
} from "../../../../../src/sources/nmbrs/soap/xml-reader.js";

const SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
const SOAP12 = "http://www.w3.org/2003/05/soap-envelope";

function envelope(body: string, soapNs = SOAP11): string {
  return `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="${soapNs}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soap:Body>${body}</soap:Body></soap:Envelope>`;
}

function result(op: string, content: string): ReturnType<typeof child> {
  return child(
    child(
      readSoapBody(
        envelope(`<${op}Response xmlns="https://api.nmbrs.nl/soap/v3/EmployeeService">${content}</${op}Response>`),
      ),
      `${op}Response`,
    ),
    `${op}Result`,
  );
}

const employment = (id: number, end: string): string =>
  `<Employment><EmploymentId>${id}</EmploymentId><StartDate>2020-01-01T00:00:00</StartDate>${end}</Employment>`;

describe("XML reader", () => {
  it.each([
    [
      "one employee",
      `<EmployeeEmploymentItem><EmployeeId>7</EmployeeId><EmployeeEmployments>${employment(1, '<EndDate xsi:nil="true" />')}</EmployeeEmployments></EmployeeEmploymentItem>`,
      1,
      1,
    ],
    [
      "many employees, many records",
      `<EmployeeEmploymentItem><EmployeeId>7</EmployeeId><EmployeeEmployments>${employment(1, "")}${employment(2, "")}</EmployeeEmployments></EmployeeEmploymentItem><EmployeeEmploymentItem><EmployeeId>8</EmployeeId><EmployeeEmployments>${employment(3, "")}</EmployeeEmployments></EmployeeEmploymentItem>`,
      2,
      3,
    ],
    [
      "an empty history",
      `<EmployeeEmploymentItem><EmployeeId>7</EmployeeId><EmployeeEmployments /></EmployeeEmploymentItem>`,
      1,
      0,
    ],
  ])("reads %s the same way", (_name, items, employees, records) => {
    const rows = readEmployments(
      result(
        "Employment_GetAll_AllEmployeesByCompany",
        `<Employment_GetAll_AllEmployeesByCompanyResult>${items}</Employment_GetAll_AllEmployeesByCompanyResult>`,
      ),
      new CompanyValues(),
    );
    expect(rows.size).toBe(employees);
    expect([...rows.values()].flat()).toHaveLength(records);
  });

  it.each([
    ["an empty <Result />", "<RResult />"],
    ["an omitted result", ""],
  ])("reads %s as no rows", (_name, content) => {
    expect(readEmployments(result("R", content), new CompanyValues()).size).toBe(0);
  });

  it.each([
    ["<D>2017-03-04T00:00:00</D>", "2017-03-04"],
    ["<D>2017-03-04T13:14:15.123+01:00</D>", "2017-03-04"],
    ["<D>0001-01-01T00:00:00</D>", null],
    ['<D xsi:nil="true" />', null],
    ["", null],
  ])("reads the date %s as %s", (xml, expected) => {
    expect(date(readSoapBody(envelope(`<X>${xml}</X>`))["X"] as never, "D")).toBe(expected);
  });

  it.each([
    ["<S>  jan@acme.nl </S>", "jan@acme.nl"],
    ["<S />", null],
    ["<S>   </S>", null],
    ["", null],
    ["<S>Bakker &amp; Zonen</S>", "Bakker & Zonen"],
    ["<S>007</S>", "007"],
  ])("reads the text %s as %s (trimmed, numbers stay text)", (xml, expected) => {
    expect(text(readSoapBody(envelope(`<X>${xml}</X>`))["X"] as never, "S")).toBe(expected);
  });

  it("refuses a non-integer where an int belongs", () => {
    expect(() => integer({ N: "12a" }, "N")).toThrow(UnreadableXml);
  });

  it("takes list elements as arrays even when there is one", () => {
    const body = readSoapBody(envelope("<Result><Company><ID>1</ID></Company></Result>"));
    expect(list(child(body, "Result"), "Company")).toHaveLength(1);
  });

  it.each([
    ["truncated", envelope("<A><B>1</B>").slice(0, -30)],
    ["mismatched tags", envelope("<A><B>1</C></A>")],
    ["not XML", "<<<502 Bad Gateway>>>"],
    [
      "a DOCTYPE",
      `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]>${envelope("<A>&a;</A>").replace(/^<\?xml[^>]*>/, "")}`,
    ],
    [
      "a doctype in lower case after a comment",
      `<?xml version="1.0"?><!-- c --><!doctype x>${envelope("<A>1</A>").replace(/^<\?xml[^>]*>/, "")}`,
    ],
    ["XML without a SOAP body", "<html><body>hello</body></html>"],
  ])("refuses %s", (_name, xml) => {
    expect(() => readSoapBody(xml)).toThrow(UnreadableXml);
  });

  it.each([
    [
      "SOAP 1.1",
      envelope(
        "<soap:Fault><faultcode>soap:Server</faultcode><faultstring>Server was unable to process request. ---&gt; 2004: Unauthorized access</faultstring><detail /></soap:Fault>",
      ),
    ],
    [
      "SOAP 1.2",
      envelope(
        '<soap:Fault><soap:Code><soap:Value>soap:Receiver</soap:Value></soap:Code><soap:Reason><soap:Text xml:lang="en">Server was unable to process request. ---&gt; 2004: Unauthorized access</soap:Text></soap:Reason><soap:Detail /></soap:Fault>',
        SOAP12,
      ),
    ],
  ])("reads a %s fault", (_name, xml) => {
    expect(readSoapFault(readSoapBody(xml))).toEqual({
      faultCode: expect.stringMatching(/soap:(Server|Receiver)/),
      reason: "Server was unable to process request. ---> 2004: Unauthorized access",
    });
  });

  it("keeps the current personal-info record of an employee (the newest creation timestamp), whatever the order", () => {
    const record = (last: string, created: string): string =>
      `<PersonalInfo_V2><Id>1</Id><LastName>${last}</LastName><CreationDate>${created}</CreationDate></PersonalInfo_V2>`;
    const rows = readPersonalInfos(
      result(
        "P",
        `<PResult><PersonalInfoItem><EmployeeId>5</EmployeeId><EmployeePersonalInfos>${record("Old", "2020-01-01T09:00:00")}${record("New", "2021-01-01T09:00:00")}${record("Older", "2019-01-01T09:00:00")}</EmployeePersonalInfos></PersonalInfoItem></PResult>`,
      ),
      new CompanyValues(),
    );
    expect([...rows].map(([id, row]) => [id, row.lastName, row.creationDate])).toEqual([
      ["5", "New", "2021-01-01T09:00:00"],
    ]);
  });

  it("still refuses a record it does not keep that does not read", () => {
    const record = (created: string): string =>
      `<PersonalInfo_V2><Id>1</Id><LastName>Berg</LastName><CreationDate>${created}</CreationDate></PersonalInfo_V2>`;
    const content = `<PResult><PersonalInfoItem><EmployeeId>5</EmployeeId><EmployeePersonalInfos>${record("2021-01-01T09:00:00")}${record("yesterday")}</EmployeePersonalInfos></PersonalInfoItem></PResult>`;
    expect(() => readPersonalInfos(result("P", content), new CompanyValues())).toThrow(UnreadableXml);
  });

  it.each([
    ["a value", { E: "  anna.vanderberg@acme.example " }, "anna.vanderberg@acme.example"],
    ["a value beyond ASCII", { E: "Anna ’t Hart-Verbeek" }, "Anna ’t Hart-Verbeek"],
    ["a blank value", { E: " " }, null],
    ["no value", {}, null],
  ])("a kept value (flatText) reads as text does: %s", (_name, node, expected) => {
    expect(text(node, "E")).toBe(expected);
    expect(flatText(node, "E")).toBe(expected);
  });
});
