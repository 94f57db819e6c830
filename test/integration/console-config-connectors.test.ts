import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load.js";
import { startNmbrsSimulator, type NmbrsSimulator } from "../../testkit/nmbrs-sim/soap/simulator.js";
import { startTestGateway, type TestGateway } from "../e2e/harness.js";
import { ConsoleClient } from "../support/console-client.js";
import { scenarioDataset } from "../support/nmbrs-scenario.js";
import { useTempDir } from "../support/temp-dir.js";

const tempDir = useTempDir("hrgw-config-connectors-");

/** The simulator's token, which the file gives as a secret file. */
const FILE_TOKEN = "file-declared-token-5c2e8a";
/** A wrong token, which the file takes from the environment. */
const ENV_TOKEN = "env-declared-wrong-token-91b7";

let gw: TestGateway;
let sim: NmbrsSimulator;
let client: ConsoleClient;
let tokenFile: string;

/** A gateway whose connectors are declared in a real config.toml, their tokens in a secret file and in an env var. */
beforeEach(async () => {
  sim = await startNmbrsSimulator({
    dataset: scenarioDataset(),
    credentials: { username: "api@acme.nl", token: FILE_TOKEN, domain: "acme" },
  });
  const dir = tempDir();
  tokenFile = join(dir, "nmbrs_token");
  writeFileSync(tokenFile, `${FILE_TOKEN}\n`);
  const connector = (id: string, secret: string) => `
[[connectors]]
id = "${id}"
kind = "nmbrs-soap"
[connectors.nmbrs]
endpoint = "${sim.url}"
username = "api@acme.nl"
domain = "acme"
${secret}
`;
  writeFileSync(
    join(dir, "config.toml"),
    connector("from-file", `token_file = "${tokenFile}"`) + connector("from-env", `token_env = "ACME_NMBRS_TOKEN"`),
  );
  const config = loadConfig({ path: join(dir, "config.toml"), env: { ACME_NMBRS_TOKEN: ENV_TOKEN } });
  gw = await startTestGateway({ dir, connectors: config.connectors });
  client = new ConsoleClient(gw.url);
  await client.setup();
});

afterEach(async () => {
  await gw.close();
  await sim.close();
});

describe("a connector declared in config.toml, in the console", () => {
  it("says where each secret comes from, or that it is not set, and never that one is stored", async () => {
    const fromFile = await client.get("/connectors/from-file/edit");
    expect(fromFile.text).toContain(`config.toml: from token_file ${tokenFile}`);
    const fromEnv = await client.get("/connectors/from-env/edit");
    expect(fromEnv.text).toContain("config.toml: from env ACME_NMBRS_TOKEN");
    for (const page of [fromFile, fromEnv]) {
      // A SOAP connector's REST secrets, shown for the move to REST, are not in the file at all.
      expect(page.text.match(/config\.toml: not set/g)).toHaveLength(2);
      expect(page.text).not.toContain("stored");
      expect(page.text).not.toContain(FILE_TOKEN);
      expect(page.text).not.toContain(ENV_TOKEN);
    }
  });

  it("offers Test connection, which tests with the file's secrets and lists the companies", async () => {
    const edit = await client.get("/connectors/from-file/edit");
    const button = /<button[^>]*hx-post="\/connectors\/from-file\/test"[^>]*>/.exec(edit.text)?.[0];
    expect(button).toBeDefined();
    expect(button).not.toMatch(/\sdisabled[\s=>]/);

    const test = await client.post("/connectors/from-file/test", {}, { headers: { "hx-request": "true" } });
    expect(test.status).toBe(200);
    expect(test.text).toContain("Connected: 2 companies found");
    expect(test.text).not.toContain(FILE_TOKEN);
    const audit = gw.db.sqlite
      .prepare("SELECT connector_id AS connectorId, detail FROM audit_log WHERE action = 'connection_test'")
      .all();
    expect(audit).toEqual([{ connectorId: "from-file", detail: "2 companies found" }]);
  });

  it("reports a wrong token of the file as a failed connection, without the token", async () => {
    await client.get("/connectors/from-env/edit");
    const test = await client.post("/connectors/from-env/test", {}, { headers: { "hx-request": "true" } });
    expect(test.text).toContain("Connection failed");
    expect(test.text).not.toContain(ENV_TOKEN);
  });

  it("answers a test of a connector that does not exist with 404", async () => {
    await client.get("/connectors");
    expect((await client.post("/connectors/nope/test", {}, { headers: { "hx-request": "true" } })).status).toBe(404);
  });
});
