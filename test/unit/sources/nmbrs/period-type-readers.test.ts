import { describe, expect, it } from "vitest";
import { readPeriodType } from "../../../../src/sources/nmbrs/soap/period-readers.js";
import { employeeTypeLabel } from "../../../../src/sources/nmbrs/rest/employee-type-labels.js";
import { readCompanyPeriodType } from "../../../../src/sources/nmbrs/rest/readers.js";
import { UnreadableJson } from "../../../../src/sources/nmbrs/rest/rest-json.js";
import { UnreadableXml } from "../../../../src/sources/nmbrs/soap/xml-reader.js";

describe("reading a company's payroll period type", () => {
  it.each([
    ["2010-5-M", "month"],
    ["2010-4-4W", "four-weeks"],
    ["2026-48-W", "week"],
    ["2026-12-4w", "four-weeks"],
  ])("SOAP Company_GetCurrentPeriod %s is %s", (answer, type) => {
    expect(readPeriodType({ "#text": answer })).toBe(type);
  });

  it.each([["2026-11-Q"], ["November"], [""]])(
    "SOAP: %j is refused with the value in the message, not read as monthly",
    (answer) => {
      expect(() => readPeriodType(answer === "" ? {} : { "#text": answer })).toThrow(UnreadableXml);
    },
  );

  it.each([
    [{ companyId: "c", number: 1, periodType: "fourWeeks" }, "four-weeks"],
    [{ companyId: "c", number: 1, periodType: "week" }, "week"],
    [{ companyId: "c", number: 1, periodType: "month" }, "month"],
    [{ companyId: "c", number: 1 }, "month"],
    [{ companyId: "c", number: 1, periodType: null }, "month"],
  ])("REST company %j is %s", (item, type) => {
    expect(readCompanyPeriodType(item)).toBe(type);
  });

  it("REST: an unknown period type fails the read, naming it", () => {
    expect(() => readCompanyPeriodType({ companyId: "c", number: 1, periodType: "quarter" })).toThrow(
      new UnreadableJson('a company field "periodType": "quarter" is not month, fourWeeks or week'),
    );
  });
});

describe("REST employee-type codes as the labels SOAP gives", () => {
  it.each([
    ["payroll", "Loondienst"],
    ["newHire", "Nieuwe medewerker"],
    ["external", "Extern"],
    ["formerPayroll", "Oud-medewerker loondienst"],
    ["formerExternal", "Oud-medewerker extern"],
    ["applicant", "Sollicitant"],
    ["rejectedApplicant", "Afgewezen sollicitant"],
    ["temporaryAgency", "temporaryAgency"],
    ["toString", "toString"],
  ])("%s → %s", (code, label) => {
    expect(employeeTypeLabel(code)).toBe(label);
  });
});
