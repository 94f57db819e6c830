import { describe, expect, it } from "vitest";
import { EMPLOYEES } from "../../../../src/sources/afas/contract.js";
import { readGetConnector, rowsOf } from "../../../../src/sources/afas/getconnector-read.js";
import type { AfasClient } from "../../../../src/sources/afas/http/afas-client.js";
import { employeeRow, type Row } from "../../../../src/sources/afas/rows.js";
import { SourceError } from "../../../../src/sources/types.js";

/**
 * A client over `rows` (sorted on Medewerker) answering skip/take like Profit; `afterFirst` changes the data once the
 * first page was answered, as Profit does when someone edits it during a read.
 */
function client(rows: Row[], afterFirst?: (rows: Row[]) => void): AfasClient {
  let requests = 0;
  return {
    async get(path, _call, read) {
      const query = new URL(path, "http://127.0.0.1/").searchParams;
      const skip = Number(query.get("skip"));
      const page = rows.slice(skip, skip + Number(query.get("take")));
      if (requests++ === 0) afterFirst?.(rows);
      const answer = { rows: page };
      return read(answer, Buffer.from(JSON.stringify(answer)));
    },
  };
}

const person = (medewerker: string, extra: Row = {}): Row => ({
  Medewerker: medewerker,
  Achternaam: " Jansen ",
  ...extra,
});
const convert = (row: Row, site: { connector: string; index: number }) => employeeRow(row, site, (text) => text);

describe("readGetConnector keeps compact rows", () => {
  it("converts each kept row as its page arrives, numbered by its place in the read", async () => {
    const rows = ["1001", "1002", "1002", "1003", "1004"].map((m) => person(m));
    const sites: number[] = [];
    const read = await readGetConnector(client(rows), EMPLOYEES, 2, (row, site) => {
      sites.push(site.index);
      return convert(row, site);
    });
    expect(rowsOf(read).map((row) => [row.medewerker, row.achternaam])).toEqual([
      ["1001", "Jansen"],
      ["1002", "Jansen"],
      ["1003", "Jansen"],
      ["1004", "Jansen"],
    ]);
    // The repeated 1002 is dropped before conversion, so the numbering has no gap.
    expect(sites).toEqual([0, 1, 2, 3]);
  });

  it("fails with the first unreadable row's error only when the rows are taken", async () => {
    const rows = [
      person("1001"),
      person("1002", { Geboortedatum: "gisteren" }),
      person("1003", { Geboortedatum: "x" }),
    ];
    const read = await readGetConnector(client(rows), EMPLOYEES, 10, convert);
    expect(() => rowsOf(read)).toThrow(SourceError);
    expect(() => rowsOf(read)).toThrow(`AFAS GetConnector ${EMPLOYEES} row 2: Geboortedatum is not a date.`);
  });

  it("forgets an unreadable row of a read that is redone after the data changed", async () => {
    const rows = [person("1001", { Geboortedatum: "kapot" }), person("1002"), person("1003"), person("1004")];
    // After the first page, 1001 is corrected and 1000 is inserted before the read position: the overlap misses.
    const read = await readGetConnector(
      client(rows, (data) => {
        data[0] = person("1001");
        data.unshift(person("1000"));
      }),
      EMPLOYEES,
      2,
      convert,
    );
    expect(rowsOf(read).map((row) => row.medewerker)).toEqual(["1000", "1001", "1002", "1003", "1004"]);
  });
});

describe("readGetConnector hashes the answers its rows were read from", () => {
  const rows = () => ["1001", "1002", "1003", "1004", "1005"].map((m) => person(m));
  const answersOf = async (data: Row[], afterFirst?: (rows: Row[]) => void) =>
    (await readGetConnector(client(data, afterFirst), EMPLOYEES, 2, convert)).answers;

  it("the same rows read again give the same hash; any changed value, another", async () => {
    const first = await answersOf(rows());
    expect(await answersOf(rows())).toBe(first);
    const changed = rows();
    changed[4] = person("1005", { Achternaam: "Jansen-de Vries" });
    expect(await answersOf(changed)).not.toBe(first);
  });

  it("a read redone after the data changed hashes only its own pages: as a clean read of the same rows", async () => {
    const redone = await answersOf([person("1002"), person("1003"), person("1004"), person("1005")], (data) => {
      data.unshift(person("1001"));
    });
    expect(redone).toBe(await answersOf(rows()));
  });
});
