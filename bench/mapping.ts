/**
 * The cost of the admin's expressions (docs/mapping.md): the pure planner over 100,000 people with the built-in
 * mapping, and with 20 expressions (14 attributes, the scope, 5 group rules), alternately, 3 times each. CPU time of
 * this process (user + system) around planDirectory and the resources and rows it makes; the median of each.
 *
 *   npx tsx bench/mapping.ts [people=100000]
 *
 * stdout gets one JSON line ({ people, expressions, builtInMs, mappedMs }) for `npm run bench` (bench/run.ts),
 * which relates the difference to the CPU of a whole sync of as many people (benchmark 1).
 */
import type { ConnectorSettings } from "../src/config/types.js";
import type { MappingSettings } from "../src/mapping/connector-mapping.js";
import type { HrPerson } from "../src/sources/types.js";
import { planDirectory } from "../src/sync/directory-plan.js";
import { ACME, BETA, connectorSettings, firstPlanInput, hrPerson } from "../test/support/hr-data.js";

const PEOPLE = Number(process.argv[2] ?? 100_000);
const REPEATS = 3;

const MAPPING: MappingSettings = {
  attributes: {
    title: 'person.function == null ? "" : person.function.name + " (" + company.name + ")"',
    department: "person.department == null ? '' : person.department.code + ' ' + person.department.name",
    displayName: 'coalesce(person.nickname, person.firstName) + " " + familyName(person)',
    organization: "upper(company.name)",
    userType: 'person.employeeType == "Stagiair" ? "Intern" : "Employee"',
    loginHint: 'lower(ascii(coalesce(person.nickname, person.firstName))) + "." + lower(ascii(familyName(person)))',
    companyCode: '"C" + company.number',
    startYear: "period.start == null ? '' : period.start.substring(0, 4)",
    isNew: 'period.start != null && period.start >= "2025-01-01" ? "yes" : "no"',
    workDomain: 'person.workEmail == null ? "" : person.workEmail.split("@")[1]',
    initials: "trim(person.initials)",
    asciiLastName: "ascii(person.lastName)",
    costCode: "person.costCenter == null ? '' : person.costCenter.code",
    phone: "coalesce(person.workMobile, person.privateMobile)",
  },
  include: 'person.employeeType != "Uitzendkracht"',
  groupRules: [
    { name: "Stagiairs", when: 'person.employeeType == "Stagiair"' },
    { name: "Sales", when: 'person.department != null && person.department.name == "Sales"' },
    { name: "Beta", when: 'company.number == "2"' },
    { name: "Started this year", when: "period.start != null && period.start.startsWith(today.substring(0, 4))" },
    { name: "Managers", when: 'person.function != null && person.function.name.contains("manager")' },
  ],
};

const TYPES = ["Werknemer", "Stagiair", "Uitzendkracht", "Oproepkracht"];
const NAMES = ["Zoë", "Jan-Willem", "Çetin", "Bjørn", "Anna", "Piet", "Sanne", "Daan"];
const PREFIXES = [null, "van", "de", "van der", "van 't"];

function people(): HrPerson[] {
  return Array.from({ length: PEOPLE }, (_, index) =>
    hrPerson({
      sourceKey: String(index + 1),
      company: index % 3 === 0 ? BETA : ACME,
      nickname: index % 4 === 0 ? null : NAMES[index % NAMES.length]!,
      firstName: NAMES[(index + 3) % NAMES.length]!,
      prefix: PREFIXES[index % PREFIXES.length]!,
      lastName: `Berg${index}`,
      employeeType: TYPES[index % TYPES.length]!,
      department: index % 7 === 0 ? null : { code: String(index % 40), name: index % 2 ? "Sales" : "Support" },
    }),
  );
}

/** CPU milliseconds of one planning run with everything it makes consumed, as a sync consumes it. */
function planCpuMs(settings: ConnectorSettings, persons: HrPerson[]): number {
  const input = firstPlanInput(settings, persons, "2026-12-07");
  const before = process.cpuUsage();
  const plan = planDirectory(input);
  let made = 0;
  for (const _ of plan.desired()) made++;
  for (const _ of plan.people()) made++;
  const used = process.cpuUsage(before);
  if (made === 0) throw new Error("the plan made nothing");
  return (used.user + used.system) / 1000;
}

const builtIn = connectorSettings({ groups: { kinds: ["department", "company"] } });
const mapped: ConnectorSettings = { ...builtIn, mapping: MAPPING };
const persons = people();
planCpuMs(builtIn, persons); // warm-up: V8 compiles the planner before either is measured
planCpuMs(mapped, persons);
const builtInMs: number[] = [];
const mappedMs: number[] = [];
for (let repeat = 0; repeat < REPEATS; repeat++) {
  builtInMs.push(planCpuMs(builtIn, persons));
  mappedMs.push(planCpuMs(mapped, persons));
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const expressions = Object.keys(MAPPING.attributes).length + 1 + MAPPING.groupRules.length;
console.error(`built-in mapping: ${builtInMs.map((value) => value.toFixed(0)).join(", ")} ms CPU`);
console.error(`${expressions} expressions: ${mappedMs.map((value) => value.toFixed(0)).join(", ")} ms CPU`);
console.log(JSON.stringify({ people: PEOPLE, expressions, builtInMs: median(builtInMs), mappedMs: median(mappedMs) }));
