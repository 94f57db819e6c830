import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig, parseConfig } from "../../../src/config/load.js";
import { loadToml, problemsOf } from "../../support/config-problems.js";
import { useTempDir } from "../../support/temp-dir.js";

const tempDir = useTempDir();

const soapConnector = (extra: Record<string, unknown> = {}) => ({
  id: "acme",
  kind: "nmbrs-soap",
  nmbrs: { username: "api@acme.nl", token: "t0ken", domain: "acme" },
  ...extra,
});

describe("config", () => {
  it("reads the keys of the issue exactly as written", () => {
    const config = loadToml(
      tempDir(),
      `[server]
listen = "127.0.0.1:8080"
public_url = "https://hr-gateway.example.com"
[storage]
path = "./data/hr-gateway.db"
[[connectors]]
id = "acme"                      # SCIM Base URL: <public_url>/scim/v2/acme
kind = "nmbrs-soap"
schedule = "15 * * * *"
timezone = "Europe/Amsterdam"
days_before = 14
days_after = 7
[connectors.nmbrs]
endpoint = "https://api.nmbrs.nl/soap/v3"
username = "api@acme.nl"
token_env = "NMBRS_TOKEN"
domain = "acme"
companies = []                   # empty: every company the token can see
[connectors.scim]
username = "okta"
password_env = "SCIM_PASSWORD"   # or bearer_token / bearer_token_env / bearer_token_file
`,
      { NMBRS_TOKEN: "secret-token", SCIM_PASSWORD: "pw" },
    );
    expect(config.server).toMatchObject({ host: "127.0.0.1", port: 8080, publicUrl: "https://hr-gateway.example.com" });
    const [connector] = config.connectors;
    expect(connector?.settings).toMatchObject({ id: "acme", schedule: "15 * * * *", daysBefore: 14, daysAfter: 7 });
    expect(connector?.nmbrs).toMatchObject({ token: "secret-token", domain: "acme", companies: [] });
    expect(connector?.scim).toEqual({ username: "okta", password: "pw", bearerToken: null });
  });

  it("starts on defaults when there is no file at all", () => {
    const dir = tempDir();
    const config = loadConfig({ env: {}, cwd: dir });
    expect(config.source).toBeNull();
    expect(config.connectors).toEqual([]);
    expect(config.server).toMatchObject({ host: "127.0.0.1", port: 8080, publicUrl: null });
    expect(config.storage.path).toBe(join(dir, "data", "hr-gateway.db"));
  });

  it("finds the file through HRGW_CONFIG when --config is not given", () => {
    const file = join(tempDir(), "elsewhere.toml");
    writeFileSync(file, '[server]\nlisten = "127.0.0.1:9191"\n');
    expect(loadConfig({ env: { HRGW_CONFIG: file } }).server.port).toBe(9191);
  });

  it("points at the line of a TOML syntax error", () => {
    const file = join(tempDir(), "bad.toml");
    writeFileSync(file, '[server]\nlisten = "127.0.0.1:8080\n');
    expect(() => loadConfig({ path: file, env: {} })).toThrow(/line 2/);
  });

  it("fails when an explicitly named file is missing", () => {
    expect(() => loadConfig({ path: join(tempDir(), "nope.toml"), env: {} })).toThrow(/not found/);
  });

  it("lets HRGW_LISTEN override server.listen (the image listens on all interfaces)", () => {
    const config = parseConfig({ server: { listen: "127.0.0.1:9000" } }, null, { HRGW_LISTEN: "0.0.0.0:8080" });
    expect(config.server).toMatchObject({ host: "0.0.0.0", port: 8080 });
  });

  it("reads secrets from a file, ignoring the trailing newline (Docker secrets)", () => {
    const file = join(tempDir(), "token");
    writeFileSync(file, "from-file\n");
    const config = parseConfig(
      { connectors: [soapConnector({ nmbrs: { username: "api@acme.nl", token_file: file, domain: "acme" } })] },
      null,
      {},
    );
    expect(config.connectors[0]?.nmbrs?.token).toBe("from-file");
  });

  it("records where each connector secret comes from, never its value, for the console's read-only view", () => {
    const file = join(tempDir(), "secret");
    writeFileSync(file, "from-file-value\n");
    const config = parseConfig(
      {
        connectors: [
          soapConnector({
            nmbrs: { username: "api@acme.nl", token_env: "NMBRS_TOKEN", domain: "acme" },
            nmbrs_rest: { client_id: "c", client_secret_file: file, subscription_key: "inline-key-value" },
            scim: { bearer_token: "inline-bearer-value" },
          }),
        ],
      },
      null,
      { NMBRS_TOKEN: "env-value" },
    );
    expect(config.connectors[0]?.secretOrigins).toEqual({
      "nmbrs.token": "from env NMBRS_TOKEN",
      "nmbrs_rest.client_secret": `from client_secret_file ${file}`,
      "nmbrs_rest.subscription_key": "written in config.toml",
      "scim.bearer_token": "written in config.toml",
    });
  });

  it.each([
    [
      { connectors: [soapConnector({ nmbrs: { username: "api@acme.nl", token: "t" } })] },
      "connectors[0].nmbrs.domain: required",
    ],
    [{ connectors: [soapConnector({ days_before: "x" })] }, "connectors[0].days_before: must be a number"],
    [
      { connectors: [soapConnector({ timezone: "Mars/Olympus" })] },
      "connectors[0].timezone: must be an IANA time zone",
    ],
    [{ connectors: [soapConnector({ id: "Acme Corp" })] }, "connectors[0].id: must be lowercase letters"],
    [
      { connectors: [soapConnector({ schedule: "hourly" })] },
      'connectors[0].schedule: "hourly" is not a cron schedule',
    ],
    [{ connectors: [soapConnector({ kind: "afas" })] }, "connectors[0].kind: must be one of nmbrs-soap, nmbrs-rest"],
    [{ server: { listn: "x" } }, "server.listn: unknown key"],
    [{ connectors: [soapConnector(), soapConnector()] }, 'connectors[1].id: "acme" is used twice'],
    [{ connectors: [{ id: "acme", kind: "nmbrs-soap" }] }, "connectors[0].nmbrs: required for kind nmbrs-soap"],
    [
      { connectors: [soapConnector({ nmbrs: { username: "api@acme.nl", domain: "acme" } })] },
      "connectors[0].nmbrs.token: required",
    ],
    [
      {
        connectors: [soapConnector({ nmbrs: { username: "api@acme.nl", token: "a", token_env: "B", domain: "acme" } })],
      },
      "connectors[0].nmbrs.token: give only one of token, token_env, token_file",
    ],
    [
      { connectors: [soapConnector({ nmbrs: { username: "api@acme.nl", token_env: "MISSING", domain: "acme" } })] },
      "connectors[0].nmbrs.token_env: environment variable MISSING is not set",
    ],
    [
      { connectors: [soapConnector({ scim: { password: "p" } })] },
      "connectors[0].scim.username: required when a SCIM password is set",
    ],
    [{ storage: { encryption_key: "short" } }, "storage.encryption_key: must be 32 bytes"],
    [{ server: { trusted_proxies: ["10.0.0.0/33"] } }, "server.trusted_proxies[0]: must be an IP address or CIDR"],
    [{ server: { trusted_proxies: ["proxy.local"] } }, "server.trusted_proxies[0]: must be an IP address or CIDR"],
  ])("reports one line naming the key: %j → %s", (raw, expected) => {
    expect(problemsOf(raw).join("\n")).toContain(expected);
  });

  // Checked by the libraries that use them (croner, Intl, the socket), so a value that passes here cannot stop the
  // scheduler or start-up later.
  it.each([
    [
      { connectors: [soapConnector({ schedule: "61 * * * *" })] },
      'connectors[0].schedule: "61 * * * *" cannot run: the minute must be 0–59',
    ],
    [
      { connectors: [soapConnector({ schedule: "0 24 * * *" })] },
      'connectors[0].schedule: "0 24 * * *" cannot run: the hour must be 0–23',
    ],
    [{ connectors: [soapConnector({ schedule: "0 0 * * 8" })] }, "the weekday must be 0–7"],
    [
      { connectors: [soapConnector({ schedule: "0 0 30 2 *" })] },
      'connectors[0].schedule: "0 0 30 2 *" never runs: no date matches it',
    ],
    [
      { connectors: [soapConnector({ schedule: "*/0 * * * *" })] },
      'connectors[0].schedule: "*/0 * * * *" is not a cron schedule',
    ],
    [{ server: { listen: "127.0.0.1:99999" } }, "server.listen: the port must be 0–65535"],
    [{ metrics: { listen: "127.0.0.1:70000" } }, "metrics.listen: the port must be 0–65535"],
  ])("validates with the library that uses the value: %j → %s", (raw, expected) => {
    expect(problemsOf(raw).join("\n")).toContain(expected);
  });

  // The admin's expressions are compiled by the CEL library at load: one line naming the key and the position.
  it.each([
    [
      { mapping: { title: "person.fristName" } },
      "connectors[0].mapping.title: No such key: fristName (line 1, column 8)",
    ],
    [{ mapping: { costCode: "person.costCenter.code +" } }, "connectors[0].mapping.costCode: Unexpected token: EOF"],
    [{ mapping: { userName: "person.workEmail" } }, "connectors[0].mapping.userName: is set by [connectors.identity]"],
    [{ mapping: { "cost-code": '"x"' } }, "connectors[0].mapping.cost-code: a new attribute's name must be letters"],
    [{ scope: { include: "person.employeeType" } }, ""],
    [{ scope: { include: '"yes"' } }, "connectors[0].scope.include: gives string, but must give true or false"],
    [
      { groups: { rules: [{ name: "Stagiairs", when: "person.employeType == 1" }] } },
      "connectors[0].groups.rules[0].when: No such key: employeType (line 1, column 8)",
    ],
    [
      {
        groups: {
          rules: [
            { name: "A", when: "true" },
            { name: "a", when: "false" },
          ],
        },
      },
      "connectors[0].groups.rules[1].name: another rule has this name",
    ],
  ])("compiles the mapping expressions at load: %j → %s", (extra, expected) => {
    const problems = problemsOf({ connectors: [soapConnector(extra)] });
    if (expected === "") expect(problems).toEqual([]);
    else expect(problems).toEqual([expect.stringContaining(expected)]);
  });

  it("reads mapping, scope and group rules into the connector's settings", () => {
    const config = parseConfig(
      {
        connectors: [
          soapConnector({
            mapping: { title: 'person.function.name + " (" + company.name + ")"' },
            scope: { include: 'person.employeeType != "Uitzendkracht"' },
            groups: { rules: [{ name: "Stagiairs", when: 'person.employeeType == "Stagiair"' }] },
          }),
        ],
      },
      "config.toml",
      {},
    );
    expect(config.connectors[0]?.settings.mapping).toEqual({
      attributes: { title: 'person.function.name + " (" + company.name + ")"' },
      include: 'person.employeeType != "Uitzendkracht"',
      groupRules: [{ name: "Stagiairs", when: 'person.employeeType == "Stagiair"' }],
    });
  });

  it("rejects a PORT outside 0–65535 instead of failing to listen", () => {
    expect(problemsOf({}, { PORT: "99999" }).join("\n")).toContain(
      "PORT: environment variable: the port must be 0–65535",
    );
  });

  it("rejects an HRGW_LOG_LEVEL pino does not know instead of crashing at start-up", () => {
    expect(problemsOf({}, { HRGW_LOG_LEVEL: "verbose" }).join("\n")).toContain(
      "HRGW_LOG_LEVEL: environment variable: must be one of fatal, error, warn, info, debug, trace",
    );
    expect(parseConfig({}, null, { HRGW_LOG_LEVEL: "debug" }).log.level).toBe("debug");
  });

  it.each([
    ["api", "connectors[0].nmbrs.username: must be the e-mail address of the Nmbrs user"],
    ["", "connectors[0].nmbrs.username: required"],
  ])("an Nmbrs username must be an e-mail address: %j", (username, expected) => {
    expect(
      problemsOf({ connectors: [soapConnector({ nmbrs: { username, token: "t", domain: "acme" } })] }).join("\n"),
    ).toContain(expected);
  });

  it.each([["acme.nmbrs.nl"], ["https://acme.nmbrs.nl"], ["acme corp"]])(
    "an Nmbrs domain is only the part before .nmbrs.nl: %j",
    (domain) => {
      expect(
        problemsOf({ connectors: [soapConnector({ nmbrs: { username: "api@acme.nl", token: "t", domain } })] }).join(
          "\n",
        ),
      ).toContain('connectors[0].nmbrs.domain: must be only the part before .nmbrs.nl, e.g. "acme"');
    },
  );

  it.each([
    [{ days_before: -5 }, "connectors[0].days_before: must be 0 or more"],
    [{ days_after: 400 }, "connectors[0].days_after: must be at most 365"],
    [{ max_deactivation_percent: 101 }, "connectors[0].max_deactivation_percent: must be at most 100"],
    [{ max_deactivation_percent: "x" }, "connectors[0].max_deactivation_percent: must be a number"],
    [{ employee_number: "odd" }, 'connectors[0].employee_number: must be "plain" or "company-prefixed"'],
    [{ identity: { user_name_from: [] } }, "connectors[0].identity.user_name_from: must name at least one address"],
    [
      { identity: { user_name_from: ["work", "work"] } },
      "connectors[0].identity.user_name_from: must name each address once",
    ],
    [
      { identity: { user_name_from: ["work", "alias"] } },
      'connectors[0].identity.user_name_from[1]: must be "work", "private" or "generated"',
    ],
    [
      { identity: { user_name_from: ["work", "generated"] } },
      'connectors[0].identity.generated_domain: required when user_name_from lists "generated"',
    ],
    [
      { identity: { user_name_from: ["generated"], generated_domain: "acme" } },
      'connectors[0].identity.generated_domain: must be a domain such as "acme.nl"',
    ],
    [
      {
        identity: { user_name_from: ["generated"], generated_domain: "acme.nl", generated_format: "person.fristName" },
      },
      "connectors[0].identity.generated_format: No such key: fristName (line 1, column 8)",
    ],
    [
      { groups: { templates: { department: "{nmae} ({company})" } } },
      "connectors[0].groups.templates.department: {nmae} is not a placeholder: use {name}, {code} or {company}",
    ],
    [
      { groups: { templates: { function: "{company}" } } },
      "connectors[0].groups.templates.function: must contain {name} or {code}",
    ],
  ])("says what a number or choice must be, not what valibot expected: %j", (extra, expected) => {
    const problems = problemsOf({ connectors: [soapConnector(extra)] }).join("\n");
    expect(problems).toContain(expected);
    expect(problems).not.toMatch(/Invalid (value|type)/);
  });

  it("reads generated logins: the order as written, the domain lower-cased, the built-in format when none is given", () => {
    const config = parseConfig(
      {
        connectors: [
          soapConnector({ identity: { user_name_from: ["work", "generated"], generated_domain: "Acme.NL" } }),
        ],
      },
      "config.toml",
      {},
    );
    expect(config.connectors[0]!.settings.identity).toMatchObject({
      userNameFrom: ["work", "generated"],
      generated: { domain: "acme.nl", format: null },
    });
  });

  it("never puts a secret value into an error message", () => {
    const problems = problemsOf({
      connectors: [
        soapConnector({
          nmbrs: { username: "api@acme.nl", token: "super-secret-value", token_env: "X", domain: "acme" },
        }),
      ],
    });
    expect(problems.join("\n")).not.toContain("super-secret-value");
  });
});

describe("environment overrides for containers", () => {
  it("PORT replaces only the port, after HRGW_LISTEN", () => {
    const config = parseConfig({}, null, { HRGW_LISTEN: "0.0.0.0:8080", PORT: "18080" });
    expect(config.server).toMatchObject({ host: "0.0.0.0", port: 18080 });
  });

  it("HRGW_STORAGE_PATH is the default storage path, and the file's value wins over it", () => {
    expect(parseConfig({}, null, { HRGW_STORAGE_PATH: "/data/hr-gateway.db" }).storage.path).toBe(
      "/data/hr-gateway.db",
    );
    expect(
      parseConfig({ storage: { path: "/srv/gw.db" } }, null, { HRGW_STORAGE_PATH: "/data/x.db" }).storage.path,
    ).toBe("/srv/gw.db");
  });
});
