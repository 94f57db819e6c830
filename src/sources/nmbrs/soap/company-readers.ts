import type { HrCompany } from "../../types.js";
import { UnreadableXml, list, text, type XmlNode } from "./xml-reader.js";

/** CompanyService.List_GetAll / List_GetByDebtor: `Company{ID, Number, Name}` (capital ID, Nmbrs API reference). */
export function readCompanies(result: XmlNode | undefined): HrCompany[] {
  return list(result, "Company").map((node) => {
    const id = text(node, "ID");
    const number = text(node, "Number");
    if (id === null || number === null) throw new UnreadableXml("a Company lacks its <ID> or <Number>");
    return { id, number, name: text(node, "Name") ?? `Company ${number}` };
  });
}
