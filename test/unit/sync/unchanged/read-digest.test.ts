import { describe, expect, it } from "vitest";
import {
  companyDigest,
  companyRecordsHash,
  planFingerprint,
  type PlanBasis,
} from "../../../../src/sync/unchanged/read-digest.js";
import { ACME, connectorSettings, hrPerson } from "../../../support/hr-data.js";

const key = Buffer.alloc(32, 7);
const people = [hrPerson({ sourceKey: "a", birthDate: "1990-01-01" }), hrPerson({ sourceKey: "b" })];
const basis: PlanBasis = { settings: connectorSettings(), today: "2026-01-10", keyKind: "nmbrs-soap", decisions: {} };

describe("companyRecordsHash", () => {
  it("changes with any record, the records' order and the company", () => {
    const hash = companyRecordsHash(ACME, people, key);
    expect(companyRecordsHash(ACME, people, key)).toBe(hash);
    expect(companyRecordsHash(ACME, [people[0]!, { ...people[1]!, workMobile: "0612345678" }], key)).not.toBe(hash);
    expect(companyRecordsHash(ACME, [people[1]!, people[0]!], key)).not.toBe(hash);
    expect(companyRecordsHash({ ...ACME, name: "Acme Holding BV" }, people, key)).not.toBe(hash);
  });

  it("holds birth dates only under the connector's key: a new date or a rotated key changes it, no key leaves them out", () => {
    const born = (date: string) => [{ ...people[0]!, birthDate: date }, people[1]!];
    expect(companyRecordsHash(ACME, born("1990-01-02"), key)).not.toBe(companyRecordsHash(ACME, people, key));
    expect(companyRecordsHash(ACME, people, Buffer.alloc(32, 8))).not.toBe(companyRecordsHash(ACME, people, key));
    expect(companyRecordsHash(ACME, born("1990-01-02"), null)).toBe(companyRecordsHash(ACME, people, null));
  });
});

describe("planFingerprint", () => {
  it("changes with today, a setting that shapes the plan, and the admins' decisions", () => {
    const fingerprint = planFingerprint(basis);
    expect(planFingerprint({ ...basis, today: "2026-01-11" })).not.toBe(fingerprint);
    expect(planFingerprint({ ...basis, settings: connectorSettings({ retention_days: 30 }) })).not.toBe(fingerprint);
    expect(planFingerprint({ ...basis, settings: connectorSettings({ groups: { kinds: ["company"] } }) })).not.toBe(
      fingerprint,
    );
    expect(planFingerprint({ ...basis, decisions: { excluded: ["id-1"] } })).not.toBe(fingerprint);
    expect(planFingerprint({ ...basis, keyKind: "nmbrs-rest" })).not.toBe(fingerprint);
  });

  it("stays when only the name, schedule or notifications change", () => {
    const settings = connectorSettings({
      name: "Acme (renamed)",
      schedule: "0 3 * * *",
      reevaluate_at: "01:30",
      notify: { email_to: ["hr@acme.nl"] },
    });
    expect(planFingerprint({ ...basis, settings })).toBe(planFingerprint(basis));
  });

  it("is part of every company's digest", () => {
    const records = companyRecordsHash(ACME, people, key);
    expect(companyDigest(planFingerprint(basis), records)).not.toBe(
      companyDigest(planFingerprint({ ...basis, today: "2026-01-11" }), records),
    );
  });
});
