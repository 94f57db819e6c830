import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { ConnectorRegistry } from "../../src/connectors/registry.js";
import { silentLogger } from "../../src/logging/logger.js";
import { OktaImportSimulator } from "../../src/okta/import-simulator.js";
import { secretBoxFor } from "../../src/secrets/key-file.js";
import type { HrPerson } from "../../src/sources/types.js";
import { SyncService } from "../../src/sync/sync-service.js";
import { ACME, connectorConfig, employment, hrPerson } from "../support/hr-data.js";
import { startScimServer, type ScimTestServer } from "../support/scim-server.js";
import { ScriptedSource } from "../support/scripted-source.js";
import { useTempDir } from "../support/temp-dir.js";

/**
 * The whole way from HR data to what an Okta admin sees: the sync writes, the SCIM API serves over HTTP, and the
 * Okta import simulator pages through it and applies Okta's import rules.
 */
const tempDir = useTempDir();
let server: ScimTestServer | undefined;
let okta: OktaImportSimulator | undefined;
afterEach(async () => {
  okta?.close();
  await server?.close();
});

async function setUp(raw: Record<string, unknown>) {
  server = await startScimServer({ dir: tempDir() });
  const s = server;
  let now = new Date("2026-01-10T08:00:00Z");
  const clock = () => now;
  const connector = connectorConfig(raw);
  const registry = new ConnectorRegistry(s.db, secretBoxFor(randomBytes(32)), clock);
  registry.declareFromConfig([connector]);
  const source = new ScriptedSource([ACME]);
  const service = new SyncService({
    db: s.db,
    clock,
    logger: silentLogger(),
    connector: (id) => registry.resolve(id),
    sourceFor: () => source,
    oldestPinnedGeneration: (id) => s.services.scans.oldestPinnedGeneration(id),
  });
  okta = new OktaImportSimulator({ baseUrl: s.base(), authorization: s.bearer });
  const sync = async (date: string, persons: HrPerson[]) => {
    now = new Date(`${date}T08:00:00Z`);
    source.set(ACME, persons);
    return service.runNow("acme", "daily");
  };
  return { sync, okta, service };
}

describe("from HR to Okta", () => {
  it("creates, updates, deactivates and reactivates Okta users on the right days, with groups and managers", async () => {
    const { sync, okta } = await setUp({ managers: true, groups: { kinds: ["department"] }, max_deactivation_percent: 50 });
    const boss = hrPerson({ sourceKey: "boss", nickname: "Bea", lastName: "Baas", workEmail: "bea.baas@acme.nl", department: { code: "1", name: "Directie" } });
    const jan = (periods = [employment("2020-01-01", "2026-01-31")], extra: Partial<HrPerson> = {}) =>
      hrPerson({
        sourceKey: "jan",
        nickname: "Jan",
        firstName: "Johannes",
        prefix: "de",
        lastName: "Vries",
        workEmail: "jan.devries@acme.nl",
        employeeNumber: "42",
        manager: { email: "bea.baas@acme.nl", employeeNumber: null, name: "Bea Baas" },
        periods,
        ...extra,
      });

    await sync("2026-01-10", [boss, jan()]);
    expect(await okta.importUsers()).toMatchObject({ new: 2, paused: false });
    const bossId = okta.directory.users.get("bea.baas@acme.nl")?.appUserId;
    expect(okta.directory.users.get("jan.devries@acme.nl")).toMatchObject({
      status: "ACTIVE",
      profile: { firstName: "Jan", lastName: "de Vries", displayName: "Jan de Vries", email: "jan.devries@acme.nl", department: "Sales", employeeNumber: "42", managerId: bossId },
    });
    expect(await okta.importGroups()).toMatchObject({ new: 2, unresolvedMembers: 0 });
    expect([...okta.directory.groups.values()].map((group) => [group.displayName, [...group.members]])).toEqual(
      expect.arrayContaining([
        ["Sales", ["jan.devries@acme.nl"]],
        ["Directie", ["bea.baas@acme.nl"]],
      ]),
    );

    await sync("2026-01-20", [boss, jan(undefined, { function: { code: "F2", name: "Teamleider" } })]);
    expect(await okta.importUsers()).toMatchObject({ updated: 1, unchanged: 1 });

    await sync("2026-02-07", [boss, jan()]); // 31 January + 7 days: last active day
    expect(await okta.importUsers()).toMatchObject({ deactivated: 0 });
    await sync("2026-02-08", [boss, jan()]);
    expect(await okta.importUsers()).toMatchObject({ deactivated: 1 });
    expect(okta.directory.users.get("jan.devries@acme.nl")?.status).toBe("DEPROVISIONED");
    expect(await okta.importGroups()).toMatchObject({ removed: 1 }); // Sales is empty: inactive users are no members

    await sync("2026-03-01", [boss, jan([employment("2020-01-01", "2026-01-31"), employment("2026-03-10")])]);
    expect(await okta.importUsers()).toMatchObject({ reactivated: 1, new: 0 });
    expect(okta.directory.users.get("jan.devries@acme.nl")).toMatchObject({ status: "ACTIVE", appUserId: expect.any(String) });
  });

  it("holds a broken read before Okta's own safeguard would block every import", async () => {
    const { sync, okta } = await setUp({});
    const everyone = Array.from({ length: 150 }, (_, i) => hrPerson({ sourceKey: `e${i}`, lastName: `Mens${i}` }));
    await sync("2026-01-10", everyone);
    expect(await okta.importUsers()).toMatchObject({ new: 150 });
    const held = await sync("2026-01-11", everyone.slice(0, 110));
    expect(held.status).toBe("held");
    expect(await okta.importUsers()).toMatchObject({ unchanged: 150, deactivated: 0, paused: false });
  });
});
