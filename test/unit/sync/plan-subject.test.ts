import { describe, expect, it } from "vitest";
import type { Lifecycle } from "../../../src/lifecycle/lifecycle-state.js";
import { Subject } from "../../../src/sync/plan-subject.js";
import type { KnownPerson } from "../../../src/sync/plan-types.js";
import { hrPerson } from "../../support/hr-data.js";

const life: Lifecycle = {
  state: "active",
  reason: "active: employment 2020-01-01–open",
  period: { start: "2020-01-01", end: null, kind: "employment" },
  graceSince: null,
};

const known: KnownPerson = {
  sourceKey: "old-key",
  scimId: "id-1",
  seq: 7,
  companyNumber: "1",
  employeeNumber: "42",
  emailFold: "jan@example.nl",
  state: "active",
  stateReason: "active: employment 2020-01-01–open",
  stateSince: "2026-01-01T00:00:00.000Z",
  graceSince: null,
  missingSince: null,
  personHash: null,
  birthDateHash: null,
};

const listed = (choice: Subject["userName"] = "jan@example.nl") =>
  new Subject(
    hrPerson({ sourceKey: "k1" }),
    undefined,
    { scimId: "id-2", seq: 8 },
    life,
    choice ? { userName: choice, from: "work" } : null,
    null,
  );

describe("Subject", () => {
  it("has its lifecycle's state and reason until a decision changes them", () => {
    const subject = listed();
    expect([subject.state, subject.reason]).toEqual(["active", life.reason]);
    subject.state = "problem";
    subject.reason = "problem: no usable e-mail address";
    expect([subject.state, subject.reason]).toEqual(["problem", "problem: no usable e-mail address"]);
    expect(subject.life).toBe(life);
  });

  it("starts with no hold, no kept resource and no mapping error, and keeps the ones decided", () => {
    const subject = listed();
    expect([subject.held, subject.kept, subject.groupSource, subject.mappingError]).toEqual([null, null, null, null]);
    const kept = { id: "id-2", userName: "jan@example.nl" };
    subject.kept = kept;
    subject.held = "data";
    subject.mappingError = "scope.include: no such field";
    expect([subject.held, subject.kept, subject.mappingError]).toEqual(["data", kept, "scope.include: no such field"]);
    expect(subject.state).toBe("active");
  });

  it("has the source record's key while listed, the known row's once no longer listed", () => {
    expect(listed().sourceKey).toBe("k1");
    const gone = new Subject(null, known, known, life, null, null);
    expect([gone.sourceKey, gone.scimId, gone.seq]).toEqual(["old-key", "id-1", 7]);
  });

  it("gives back the userName it chose with where it came from, and a generated one chosen later", () => {
    expect(listed().choice()).toEqual({ userName: "jan@example.nl", from: "work" });
    const subject = listed(null);
    expect(subject.choice()).toBeNull();
    subject.choose({ userName: "jan.jansen@login.example.nl", from: "generated" });
    expect(subject.choice()).toEqual({ userName: "jan.jansen@login.example.nl", from: "generated" });
  });
});
