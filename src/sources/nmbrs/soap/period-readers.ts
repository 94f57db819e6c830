import type { PayrollPeriodType } from "../payroll-period.js";
import { UnreadableXml, ownText, type XmlNode } from "./xml-reader.js";

/**
 * The company's payroll period type from CompanyService.Company_GetCurrentPeriod, whose answer is one string
 * `yyyy-p-type` ("2010-5-M", "2010-4-4W" in the WSDL's doc string; "W" for weekly is INFERRED). The period itself is
 * Nmbrs' open payroll period, which can lag the calendar; only the type is used, today's period is computed.
 */
export function readPeriodType(result: XmlNode | undefined): PayrollPeriodType {
  const value = ownText(result);
  const type = value === null ? null : /^\d{4}-\d{1,2}-(\w+)$/.exec(value)?.[1]?.toUpperCase();
  const known: Record<string, PayrollPeriodType> = { M: "month", "4W": "four-weeks", W: "week" };
  if (!type || !known[type])
    throw new UnreadableXml(
      `the current period ${JSON.stringify(value)} is not "year-period-type" with a type M, 4W or W`,
    );
  return known[type];
}
