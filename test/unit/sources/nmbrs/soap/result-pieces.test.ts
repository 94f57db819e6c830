import { describe, expect, it } from "vitest";
import { generateDataset } from "../../../../../testkit/nmbrs-sim/generator.js";
import {
  contractItemXml,
  employmentItemXml,
  personalInfoItemXml,
} from "../../../../../testkit/nmbrs-sim/soap/employee-records.js";
import { resultDocument } from "../../../../../testkit/nmbrs-sim/soap/envelope.js";
import type { SimEmployee } from "../../../../../testkit/nmbrs-sim/dataset.js";
import {
  readContracts,
  readEmployments,
  readPersonalInfos,
} from "../../../../../src/sources/nmbrs/soap/employee-readers.js";
import { answerText } from "../../../../../src/sources/nmbrs/soap/answer-text.js";
import { CompanyValues } from "../../../../../src/sources/nmbrs/company-values.js";
import { splitResult } from "../../../../../src/sources/nmbrs/soap/result-pieces.js";
import { UnreadableXml, child, readSoapBody, type XmlNode } from "../../../../../src/sources/nmbrs/soap/xml-reader.js";

const employees = generateDataset({ seed: 7, companies: 1, employeesPerCompany: 1500, today: "2026-11-28" }).employees;

/** A bulk answer as the simulator writes it (the XmlSerializer shape), large enough to be read in pieces. */
function answer(
  operation: string,
  item: (employee: SimEmployee) => string,
  edit: (xml: string) => string = (xml) => xml,
): string {
  return edit(
    [...resultDocument("1.1", "EmployeeService", operation, { kind: "list", items: employees.map(item) })].join(""),
  );
}

function result(xml: string, operation: string, streamed: boolean): XmlNode | undefined {
  return child(
    child(readSoapBody(xml, streamed ? operation : undefined), `${operation}Response`),
    `${operation}Result`,
  );
}

describe("reading a large SOAP result in pieces", () => {
  it.each([
    ["PersonalInfoWithoutBSN_Get_GetAllEmployeesByCompany", personalInfoItemXml, readPersonalInfos],
    ["Employment_GetAll_AllEmployeesByCompany", employmentItemXml, readEmployments],
    ["Contract_GetAll_AllEmployeesByCompany", contractItemXml, readContracts],
  ] as const)("reads %s exactly as a whole parse does", (operation, item, read) => {
    const xml = answer(operation, item);
    if (operation.startsWith("PersonalInfo")) expect(xml, "names beyond ASCII (’t Hart)").toMatch(/[^\x00-\x7f]/);
    expect(splitResult(answerText(xml), `${operation}Result`)?.pieces.length).toBeGreaterThan(10);
    const pieces = read(result(xml, operation, true), new CompanyValues());
    expect(pieces.size).toBe(employees.length);
    expect(pieces).toEqual(read(result(xml, operation, false), new CompanyValues()));
  });

  it("reads items written with a namespace prefix", () => {
    const operation = "Employment_GetAll_AllEmployeesByCompany";
    const xml = answer(operation, employmentItemXml, (text) =>
      text
        .replace(/<(\/?)EmployeeEmploymentItem>/g, "<$1e:EmployeeEmploymentItem>")
        .replace("<soap:Envelope ", '<soap:Envelope xmlns:e="urn:e" '),
    );
    expect(splitResult(answerText(xml), `${operation}Result`)?.itemTag).toBe("e:EmployeeEmploymentItem");
    expect(readEmployments(result(xml, operation, true), new CompanyValues())).toEqual(
      readEmployments(result(xml, operation, false), new CompanyValues()),
    );
  });

  it.each([
    ["a mismatched tag in the middle", (xml: string) => xml.replace("</EmploymentId>", "</StartDate>")],
    [
      "an item cut short",
      (xml: string) => xml.replace(/<\/EmployeeEmploymentItem>(?=<EmployeeEmploymentItem><EmployeeId>100750<)/, ""),
    ],
    ["a truncated answer", (xml: string) => xml.slice(0, Math.floor(xml.length * 0.6))],
  ])("refuses %s, as a whole parse does", (_case, edit) => {
    const operation = "Employment_GetAll_AllEmployeesByCompany";
    const xml = answer(operation, employmentItemXml, edit);
    expect(() => readSoapBody(xml, undefined)).toThrow(UnreadableXml);
    // Read in pieces, a broken piece throws when the reader walks the items (before anything read is used).
    expect(() => readEmployments(result(xml, operation, true), new CompanyValues())).toThrow(UnreadableXml);
  });

  it("reads a piece the tokenizing reader leaves to fast-xml-parser (a character reference) as a whole parse does", () => {
    const operation = "Employment_GetAll_AllEmployeesByCompany";
    const xml = answer(operation, employmentItemXml, (text) =>
      text.replace("<EmployeeId>100750</EmployeeId>", "<EmployeeId>&#49;00750</EmployeeId>"),
    );
    expect(xml).toContain("&#49;");
    expect(readEmployments(result(xml, operation, true), new CompanyValues())).toEqual(
      readEmployments(result(xml, operation, false), new CompanyValues()),
    );
  });

  it.each([
    ["a comment", "<!-- c -->"],
    ["a processing instruction", "<?p x?>"],
  ])("parses a result with %s among its items whole, exactly as before", (_case, markup) => {
    const operation = "Employment_GetAll_AllEmployeesByCompany";
    const xml = answer(operation, employmentItemXml, (text) =>
      text.replace(
        "<EmployeeEmploymentItem><EmployeeId>100750<",
        `${markup}<EmployeeEmploymentItem><EmployeeId>100750<`,
      ),
    );
    expect(xml).toContain(markup);
    expect(splitResult(answerText(xml), `${operation}Result`)).toBeNull();
    expect(splitResult(answerText(xml), `${operation}Result`, answerText(xml).latin1.indexOf("<!"))).toBeNull();
    expect(readEmployments(result(xml, operation, true), new CompanyValues())).toEqual(
      readEmployments(result(xml, operation, false), new CompanyValues()),
    );
  });

  it("parses a small result whole", () => {
    const operation = "Employment_GetAll_AllEmployeesByCompany";
    const xml = [
      ...resultDocument("1.1", "EmployeeService", operation, {
        kind: "list",
        items: employees.slice(0, 20).map(employmentItemXml),
      }),
    ].join("");
    expect(splitResult(answerText(xml), `${operation}Result`)).toBeNull();
    expect(readEmployments(result(xml, operation, true), new CompanyValues()).size).toBe(20);
  });
});
