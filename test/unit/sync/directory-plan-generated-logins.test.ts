import { describe, expect, it } from "vitest";
import type { HrPerson } from "../../../src/sources/types.js";
import { planDirectory } from "../../../src/sync/directory-plan.js";
import type { GeneratedLogins } from "../../../src/sync/generated-login-store.js";
import { connectorSettings, firstPlanInput, hrPerson } from "../../support/hr-data.js";

function plan(identity: Record<string, unknown>, persons: HrPerson[], generatedLogins?: GeneratedLogins) {
  return planDirectory({
    ...firstPlanInput(connectorSettings({ identity }), persons),
    ...(generatedLogins ? { generatedLogins } : {}),
  });
}

const userNames = (planned: ReturnType<typeof plan>) =>
  [...planned.desired()].filter((resource) => resource.type === "User").map((user) => user.resource.userName);
const newcomer = (sourceKey: string, extra: Partial<HrPerson> = {}) =>
  hrPerson({
    sourceKey,
    firstName: "Zoë",
    nickname: null,
    prefix: "van der",
    lastName: "Berg",
    workEmail: null,
    ...extra,
  });
const GENERATED = { user_name_from: ["work", "generated"], generated_domain: "acme.nl" };

describe("planDirectory with generated logins (docs/mapping.md)", () => {
  it("gives people without a work address a login, served as their work e-mail, and reports it to be stored", () => {
    const planned = plan(GENERATED, [newcomer("z"), hrPerson({ sourceKey: "j", workEmail: "jan@acme.nl" })]);
    expect(userNames(planned)).toEqual(["zoe.vanderberg@acme.nl", "jan@acme.nl"]);
    const zoe = [...planned.desired()][0]!.resource;
    expect(zoe.emails).toEqual([{ value: "zoe.vanderberg@acme.nl", type: "work", primary: true }]);
    expect(planned.logins.given).toEqual([{ scimId: "id-1", userName: "zoe.vanderberg@acme.nl" }]);
  });

  it("never uses a private address unless the list names it", () => {
    const planned = plan(GENERATED, [newcomer("z", { privateEmail: "zoe@gmail.com" })]);
    expect(userNames(planned)).toEqual(["zoe.vanderberg@acme.nl"]);
  });

  it("does not give a login stored for someone else, nor one a colleague's work address has", () => {
    const logins = {
      byPerson: new Map([["gone", "zoe.vanderberg@acme.nl"]]),
      taken: new Set(["zoe.vanderberg@acme.nl"]),
    };
    const colleague = hrPerson({ sourceKey: "c", workEmail: "Zoe.VanderBerg2@acme.nl" });
    expect(userNames(plan(GENERATED, [newcomer("z"), colleague], logins))).toEqual([
      "zoe.vanderberg3@acme.nl",
      "Zoe.VanderBerg2@acme.nl",
    ]);
  });

  it("reports a person the format cannot make a login of (kind mapping, not served), and nobody else", () => {
    const planned = plan({ ...GENERATED, generated_format: "lower(person.lastName)" }, [
      newcomer("z", { prefix: null, lastName: "de Wit" }),
      newcomer("b"),
    ]);
    expect(userNames(planned)).toEqual(["berg@acme.nl"]);
    expect(planned.problems).toEqual([
      expect.objectContaining({ kind: "mapping", sourceKey: "z", detail: expect.stringContaining('gives "de wit"') }),
    ]);
    expect(planned.logins.given.map((login) => login.userName)).toEqual(["berg@acme.nl"]);
  });
});
