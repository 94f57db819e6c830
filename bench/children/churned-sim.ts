/**
 * The Nmbrs simulator (SOAP) with the dataset testkit/nmbrs-sim/cli.ts serves for the same options, except that every
 * <churn>-th employee moved to another department this month: a sync from it changes that many users (and their
 * groups) in a directory synced from the unchanged simulator. Prints {"url": "<SOAP base URL>"}.
 *
 *   node --import tsx bench/children/churned-sim.ts <companies> <employees per company> <churn>
 */
import { assignDepartment } from "../../testkit/nmbrs-sim/dataset-mutations.js";
import { DEPARTMENTS } from "../../testkit/nmbrs-sim/dutch-names.js";
import { generateDataset } from "../../testkit/nmbrs-sim/generator.js";
import { startNmbrsSimulator } from "../../testkit/nmbrs-sim/soap/simulator.js";
import { SIM_CREDENTIALS } from "../support/gateway-config.js";

const [companies, employeesPerCompany, churn] = process.argv.slice(2).map(Number) as [number, number, number];
const today = new Date().toISOString().slice(0, 10);
const dataset = generateDataset({ seed: 1, companies, employeesPerCompany, today });
const month = `${today.slice(0, 7)}-01`;
for (const [index, employee] of dataset.employees.entries()) {
  if (index % churn !== churn - 1) continue;
  const code = (employee.departments.at(-1)!.code % DEPARTMENTS.length) + 1;
  assignDepartment(dataset, employee.employeeId, { code, description: DEPARTMENTS[code - 1]! }, month);
}
const simulator = await startNmbrsSimulator({ dataset, today, credentials: { ...SIM_CREDENTIALS } });
process.stdout.write(`${JSON.stringify({ url: simulator.url })}\n`);
process.once("SIGTERM", () => void simulator.close().then(() => process.exit(0)));
