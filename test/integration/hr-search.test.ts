import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NmbrsSimulator } from "../../testkit/nmbrs-sim/soap/simulator.js";
import { startTestGateway, type TestGateway } from "../e2e/harness.js";
import { ConsoleClient } from "../support/console-client.js";
import { hire, scenarioDataset, simConnector, startScenarioSimulator } from "../support/nmbrs-scenario.js";
import { useFileTempDir } from "../support/temp-dir.js";

const tempDir = useFileTempDir("hrgw-hr-search-");

let gw: TestGateway;
let sim: NmbrsSimulator;
let client: ConsoleClient;

/**
 * Names as Dutch HR systems hold them: roepnaam beside the official first name, tussenvoegsels, ’ and accents. Nmbrs
 * gives each person a display name of its own ("Vries, C. de (Kees)"), which is what the list shows and sorts by.
 */
beforeAll(async () => {
  const nmbrs = scenarioDataset();
  const people = [
    { firstName: "Cornelis", nickname: "Kees", prefix: "de", lastName: "Vries", workEmail: "kees.devries@acme.nl" },
    { firstName: "Willem", prefix: "van den", lastName: "Berg", workEmail: "w.vandenberg@acme.nl" },
    { firstName: "Sanne", prefix: "van ’t", lastName: "Hof", workEmail: "s.vanthof@acme.nl" },
    { firstName: "Anaïs", lastName: "Dubois", workEmail: "a.dubois@acme.nl" },
    { firstName: "Özge", lastName: "Öztürk", workEmail: "ozge.t@acme.nl" },
    { firstName: "Ömer", lastName: "Ölçer", workEmail: "o.olcer@acme.nl" },
    { firstName: "Zeger", lastName: "Zwart", workEmail: "z.zwart@acme.nl" },
    { firstName: "Olaf", lastName: "Oosterhuis", workEmail: "o.oosterhuis@acme.nl" },
    { firstName: "Pieter", lastName: "Peters", workEmail: "p.peters@acme.nl" },
  ];
  for (const person of people) hire(nmbrs, person);
  sim = await startScenarioSimulator(nmbrs);
  gw = await startTestGateway({ dir: tempDir(), connectors: [simConnector(sim)] });
  expect((await gw.sync.runNow("acme", "manual")).status).toBe("succeeded");
  client = new ConsoleClient(gw.url);
  await client.setup();
});

afterAll(async () => {
  await gw.close();
  await sim.close();
});

/** The names in the result table, in list order. */
async function search(q: string): Promise<string[]> {
  const page = await client.get(`/hr?connector=acme&q=${encodeURIComponent(q)}`, {
    "hx-request": "true",
    "hx-target": "hr-results",
  });
  expect(page.status).toBe(200);
  return [...page.text.matchAll(/<a href="\/hr\/acme\/[^"]+">([^<]+)<\/a>/g)].map((match) => match[1]!);
}

describe("HR list search knows Dutch names", () => {
  it.each([
    ["de Vries", ["Vries, C. de (Kees)"]],
    ["van den berg", ["Berg, W. van den (Willem)"]],
    ["Kees de Vries", ["Vries, C. de (Kees)"]],
    ["Cornelis de Vries", ["Vries, C. de (Kees)"]],
    ["kees", ["Vries, C. de (Kees)"]],
    ["Vries, Kees", ["Vries, C. de (Kees)"]],
    ["Vries, Cornelis de", ["Vries, C. de (Kees)"]],
    ["van 't hof", ["Hof, S. van ’t (Sanne)"]],
    ["van ’t Hof", ["Hof, S. van ’t (Sanne)"]],
    ["sanne van t hof", ["Hof, S. van ’t (Sanne)"]],
    ["anais", ["Dubois, A. (Anaïs)"]],
    ["ANAÏS", ["Dubois, A. (Anaïs)"]],
    ["ozturk", ["Öztürk, Ö. (Özge)"]],
    ["w.vandenberg@", ["Berg, W. van den (Willem)"]],
    ["nobody-has-this-name", []],
  ])("%s finds %j", async (q, names) => {
    expect(await search(q)).toEqual(names);
  });

  it("sorts with Dutch collation: Ö among the O's, not after Z", async () => {
    const names = await search("");
    expect(names).toEqual([
      "Berg, W. van den (Willem)",
      "Dubois, A. (Anaïs)",
      "Hof, S. van ’t (Sanne)",
      "Ölçer, Ö. (Ömer)",
      "Oosterhuis, O. (Olaf)",
      "Öztürk, Ö. (Özge)",
      "Peters, P. (Pieter)",
      "Vries, C. de (Kees)",
      "Zwart, Z. (Zeger)",
    ]);
    expect(names).toEqual([...names].sort(new Intl.Collator("nl").compare));
  });
});
