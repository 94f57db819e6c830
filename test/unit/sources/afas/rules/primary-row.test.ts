import { describe, expect, it } from "vitest";
import type { EmploymentRow } from "../../../../../src/sources/afas/rows.js";
import { primaryRow } from "../../../../../src/sources/afas/rules/primary-row.js";

const TODAY = "2026-03-15";

function row(name: string, overrides: Partial<EmploymentRow>): EmploymentRow & { name: string } {
  return {
    name,
    medewerker: "1001",
    werkgever: "01",
    werkgeverNaam: "Zorggroep",
    volgnummer: 1,
    contractStart: "2020-01-01",
    contractEnd: null,
    typeMedewerker: "Werknemer",
    lineStart: "2020-01-01",
    lineEnd: null,
    orgUnit: "OE1",
    functieCode: null,
    functieOmschrijving: "Verpleegkundige",
    kostenplaats: null,
    kostenplaatsOmschrijving: null,
    leidinggevende: null,
    ...overrides,
  };
}

describe("the primary row places a Medewerker", () => {
  it.each([
    [
      "a current contract before a future one",
      [row("future", { contractStart: "2026-04-01" }), row("current", { contractStart: "2025-01-01" })],
      "current",
    ],
    [
      "a future contract before an ended one",
      [row("ended", { contractEnd: "2026-01-31" }), row("future", { contractStart: "2026-05-01" })],
      "future",
    ],
    [
      "among current rows, the line in force before an ended line",
      [row("old line", { lineEnd: "2025-12-31" }), row("line now", { lineStart: "2026-01-01" })],
      "line now",
    ],
    [
      "among current rows, the later contract start (a second job)",
      [
        row("first job", { werkgever: "01" }),
        row("second job", { werkgever: "02", contractStart: "2024-06-01", lineStart: "2024-06-01" }),
      ],
      "second job",
    ],
    [
      "among current rows with the same contract, the later line start",
      [row("line 2020", {}), row("line 2023", { lineStart: "2023-01-01" })],
      "line 2023",
    ],
    [
      "among future rows, the earliest start",
      [row("later", { contractStart: "2026-09-01" }), row("sooner", { contractStart: "2026-04-01" })],
      "sooner",
    ],
    [
      "among ended rows, the latest end (the last job)",
      [row("left 2024", { contractEnd: "2024-12-31" }), row("left 2025", { contractEnd: "2025-12-31" })],
      "left 2025",
    ],
    [
      "a tie goes to the higher contract sequence number",
      [row("seq 1", { volgnummer: 1 }), row("seq 2", { volgnummer: 2 })],
      "seq 2",
    ],
    [
      "then to the lower employer code, whatever the order read",
      [row("employer 02", { werkgever: "02" }), row("employer 01", { werkgever: "01" })],
      "employer 01",
    ],
    [
      "a contract starting today is current",
      [row("ended", { contractEnd: "2026-03-14" }), row("today", { contractStart: TODAY, lineStart: TODAY })],
      "today",
    ],
    [
      "a contract ending today is current",
      [row("future", { contractStart: "2026-03-16" }), row("ends today", { contractEnd: TODAY })],
      "ends today",
    ],
  ])("%s", (_case, rows, expected) => {
    for (const order of [rows, [...rows].reverse()]) {
      expect((primaryRow(order, TODAY) as { name: string } | null)?.name).toBe(expected);
    }
  });

  it("rows without a contract start never place anyone", () => {
    expect(primaryRow([row("no start", { contractStart: null })], TODAY)).toBeNull();
  });
});
