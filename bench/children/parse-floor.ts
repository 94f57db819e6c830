/**
 * The floors of a sync: asks the simulator for every answer a SOAP sync asks for (managers and cost centers off),
 * and times, on each answer, a tokenizer pass (one regular expression that finds every leaf element, its name and
 * text: what any reader must at least do) and fast-xml-parser parsing it whole, with the parser options the source
 * used for every answer before the tokenizing reader (issue #24). Only those passes are timed, in CPU time; one
 * answer is held at a time. Prints one JSON line: { tokenizeMs, parseMs, bytes, calls, leaves }.
 *
 *   node --import tsx bench/children/parse-floor.ts <simulator SOAP url>
 */
import { XMLParser } from "fast-xml-parser";
import { requestEnvelope, soapAction, type NmbrsService } from "../../src/sources/nmbrs/soap/soap-envelope.js";
import { NMBRS_PARSER_OPTIONS } from "../../src/sources/nmbrs/soap/xml-reader.js";

const BULK_CALLS = [
  "PersonalInfoWithoutBSN_Get_GetAllEmployeesByCompany",
  "Employment_GetAll_AllEmployeesByCompany",
  "Contract_GetAll_AllEmployeesByCompany",
  "Function_GetAll_AllEmployeesByCompany_V2",
  "Department_GetAll_AllEmployeesByCompany",
];
const credentials = { username: "api@example.nl", token: "sim-token", domain: "example" };
type Node = Record<string, unknown>;

const url = process.argv[2]!;
const parser = new XMLParser(NMBRS_PARSER_OPTIONS);
// A leaf element: start tag (attributes allowed), text without markup, the matching end tag.
const LEAF = /<([A-Za-z_][\w.:-]*)(?:\s[^>]*)?>([^<]*)<\/\1>/g;
let tokenizeMs = 0;
let leaves = 0;
let parseMs = 0;
let bytes = 0;
let calls = 0;

const companies = (await call("CompanyService", "List_GetAll", {}))["Company"] as Node[];
const types = (await call("EmployeeService", "EmployeeType_GetList", {}))["EmployeeType"] as Node[];
for (const company of companies) {
  for (const type of types)
    await call("EmployeeService", "List_GetByCompany", {
      CompanyId: String(company["ID"]),
      EmployeeType: String(type["Id"]),
    });
  for (const operation of BULK_CALLS) await call("EmployeeService", operation, { CompanyID: String(company["ID"]) });
}
process.stdout.write(`${JSON.stringify({ tokenizeMs, parseMs, bytes, calls, leaves })}\n`);

/**
 * CPU time of this process (user + system), as the sync is measured: on a shared machine, wall time measures the
 * neighbours too.
 */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** One call; returns its <OpResult> (only the small list answers are looked into). */
async function call(service: NmbrsService, operation: string, params: Record<string, string>): Promise<Node> {
  const response = await fetch(`${url}/${service}.asmx`, {
    method: "POST",
    headers: { "content-type": "text/xml; charset=utf-8", soapaction: soapAction(service, operation) },
    body: requestEnvelope(service, operation, params, credentials),
  });
  const body = Buffer.from(await response.arrayBuffer());
  const xml = body.toString("utf8");
  calls += 1;
  bytes += body.length;
  const scanned = cpuMs();
  // Names and texts are read (sliced) as a reader would; the count keeps the work from being optimised away.
  for (let leaf = LEAF.exec(xml); leaf !== null; leaf = LEAF.exec(xml)) if (leaf[2] !== leaf[1]) leaves += 1;
  tokenizeMs += cpuMs() - scanned;
  const started = cpuMs();
  const document = parser.parse(xml) as Node;
  parseMs += cpuMs() - started;
  const envelope = document["Envelope"] as Node;
  const answer = (envelope["Body"] as Node)[`${operation}Response`] as Node;
  const result = answer[`${operation}Result`];
  return typeof result === "object" && result !== null ? (result as Node) : {};
}
