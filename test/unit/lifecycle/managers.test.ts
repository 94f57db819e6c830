import { describe, expect, it } from "vitest";
import { ManagerIndex } from "../../../src/lifecycle/managers.js";
import type { HrManagerRef } from "../../../src/sources/types.js";
import { BETA, hrPerson } from "../../support/hr-data.js";

const boss = hrPerson({
  sourceKey: "b1",
  employeeNumber: "7",
  workEmail: "Boss@Acme.nl",
  privateEmail: "boss@home.nl",
  lastName: "Baas",
});
const betaSeven = hrPerson({
  sourceKey: "b2",
  employeeNumber: "7",
  company: BETA,
  workEmail: "seven@beta.nl",
  lastName: "Zeven",
});
const oldRecord = hrPerson({ sourceKey: "old", employeeNumber: "8", workEmail: "rehired@acme.nl", lastName: "Oud" });
const newRecord = hrPerson({ sourceKey: "new", employeeNumber: "9", workEmail: "rehired@acme.nl", lastName: "Nieuw" });
const twinA = hrPerson({ sourceKey: "t1", employeeNumber: "11", privateEmail: "shared@home.nl", lastName: "Een" });
const twinB = hrPerson({ sourceKey: "t2", employeeNumber: "12", privateEmail: "shared@home.nl", lastName: "Twee" });
const subordinate = hrPerson({ sourceKey: "s1", employeeNumber: "100", lastName: "Medewerker" });

const index = new ManagerIndex([
  { person: boss, active: true },
  { person: betaSeven, active: true },
  { person: oldRecord, active: false },
  { person: newRecord, active: true },
  { person: twinA, active: true },
  { person: twinB, active: true },
  { person: subordinate, active: true },
]);

const ref = (fields: Partial<HrManagerRef>): HrManagerRef => ({
  email: null,
  employeeNumber: null,
  name: null,
  ...fields,
});

describe("ManagerIndex: managers are matched, never guessed", () => {
  it.each([
    ["by work e-mail, case-insensitive", ref({ email: "boss@ACME.nl" }), "b1"],
    ["by private e-mail", ref({ email: "boss@home.nl" }), "b1"],
    ["by employee number within the subordinate's own company", ref({ employeeNumber: "7" }), "b1"],
    ["e-mail wins over employee number", ref({ email: "seven@beta.nl", employeeNumber: "7" }), "b2"],
    ["an unknown e-mail falls back to the employee number", ref({ email: "gone@acme.nl", employeeNumber: "7" }), "b1"],
    [
      "an active record wins over an inactive one with the same address (a rehire)",
      ref({ email: "rehired@acme.nl" }),
      "new",
    ],
  ])("%s", (_rule, manager, expectedKey) => {
    const match = index.match(manager, subordinate);
    expect("manager" in match && match.manager.person.sourceKey).toBe(expectedKey);
  });

  it.each([
    [
      "an unknown manager",
      ref({ email: "extern@partner.nl", name: "Externe Partner" }),
      "manager Externe Partner, extern@partner.nl is not an employee served by this connector",
    ],
    [
      "a number from another company is not used",
      ref({ employeeNumber: "12345" }),
      "manager employee number 12345 is not an employee served by this connector",
    ],
    [
      "an e-mail two people share",
      ref({ email: "shared@home.nl" }),
      "manager shared@home.nl matches 2 people (employee numbers 11, 12); HR must make it unique",
    ],
    ["oneself", ref({ email: subordinate.workEmail }), `is listed as their own manager (${subordinate.workEmail})`],
  ])("reports %s", (_case, manager, problem) => {
    expect(index.match(manager, subordinate)).toEqual({ problem });
  });

  it("looks up employee numbers in the subordinate's company only", () => {
    const betaEmployee = hrPerson({ sourceKey: "s2", company: BETA, lastName: "Beta" });
    const match = index.match(ref({ employeeNumber: "7" }), betaEmployee);
    expect("manager" in match && match.manager.person.sourceKey).toBe("b2");
  });
});
