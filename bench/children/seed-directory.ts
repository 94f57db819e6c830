/**
 * Writes a gateway database serving exactly <users> users (4 companies, 8 departments, department and company
 * groups, or the group kinds given) through the real sync, from a scripted HR source: every resource is shaped as
 * the gateway serves it.
 *
 *   node --import tsx bench/children/seed-directory.ts <database path> <users> [kind,kind,…]
 */
import { DEPARTMENTS, FIRST_NAMES, FUNCTIONS, LAST_NAMES } from "../../testkit/nmbrs-sim/dutch-names.js";
import type { HrCompany, HrPerson } from "../../src/sources/types.js";
import { connectorConfig, employment, hrPerson } from "../../test/support/hr-data.js";
import { ScriptedSource } from "../../test/support/scripted-source.js";
import { syncFixture } from "../../test/support/sync-fixture.js";
import { CONNECTOR } from "../support/gateway-config.js";

const [path, usersArgument, kindsArgument] = process.argv.slice(2);
const users = Number(usersArgument);
const kinds = kindsArgument ? kindsArgument.split(",") : ["department", "company"];
const companies: HrCompany[] = [1, 2, 3, 4].map((n) => ({
  id: String(1000 + n),
  number: String(n),
  name: `Bedrijf ${n} BV`,
}));
const source = new ScriptedSource(companies);
for (const [index, company] of companies.entries()) {
  const persons: HrPerson[] = [];
  for (let n = index + 1; n <= users; n += companies.length) persons.push(person(n, company));
  source.set(company, persons);
}
const fixture = syncFixture({
  connector: connectorConfig({
    id: CONNECTOR,
    max_deactivation_percent: 100,
    groups: { kinds },
  }),
  source: () => source,
  path: path!,
});
const outcome = await fixture.service.runNow(CONNECTOR, "cli");
fixture.db.close();
if (outcome.status !== "succeeded") throw new Error(`seeding failed: ${outcome.message}`);
process.stdout.write(`${JSON.stringify({ served: outcome.stats.served })}\n`);

/** The n-th employee: Dutch names (diacritics included), a unique work e-mail, a department and a function. */
function person(n: number, company: HrCompany): HrPerson {
  const first = FIRST_NAMES[n % FIRST_NAMES.length]!;
  const last = LAST_NAMES[(n * 7) % LAST_NAMES.length]!;
  const local = `${first.nickname}.${last.prefix ? `${last.prefix}.` : ""}${last.name}.${n}`
    .toLowerCase()
    .replace(/\s+/g, ".");
  const department = n % DEPARTMENTS.length;
  const fn = n % FUNCTIONS.length;
  return hrPerson({
    sourceKey: String(100_000 + n),
    company,
    employeeNumber: String(n),
    firstName: first.official,
    nickname: first.nickname,
    initials: `${first.official.charAt(0)}.`,
    prefix: last.prefix,
    lastName: last.name,
    workEmail: `${local.normalize("NFD").replace(/[\u0300-\u036f]/g, "")}@bedrijf${company.number}.nl`,
    privateEmail: n % 3 === 0 ? `${first.nickname.toLowerCase()}${n}@gmail.com` : null,
    workMobile: n % 2 === 0 ? `+316${String(10_000_000 + n).slice(-8)}` : null,
    department: { code: String(department + 1), name: DEPARTMENTS[department]! },
    ...(kinds.includes("employee_type") ? { employeeType: n % 10 === 0 ? "Stagiair" : "Werknemer" } : {}),
    ...(kinds.includes("cost_center")
      ? { costCenter: { code: String(4000 + (n % 40)), name: `Kostenplaats ${4000 + (n % 40)}` } }
      : {}),
    function: { code: String(fn + 1), name: FUNCTIONS[fn]! },
    periods: [employment(`20${String(10 + (n % 15)).padStart(2, "0")}-0${1 + (n % 9)}-01`)],
  });
}
