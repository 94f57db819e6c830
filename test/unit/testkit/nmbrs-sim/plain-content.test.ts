import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { generateDataset } from "../../../../testkit/nmbrs-sim/generator.js";
import { seededRandom } from "../../../../testkit/nmbrs-sim/random.js";
import {
  contractItemXml,
  departmentItemXml,
  employmentItemXml,
  functionItemXml,
  personalInfoItemXml,
} from "../../../../testkit/nmbrs-sim/soap/employee-records.js";
import { isPlainElementContent } from "../../../../src/sources/nmbrs/soap/plain-content.js";

const employees = generateDataset({ seed: 11, companies: 1, employeesPerCompany: 60, today: "2026-11-28" }).employees;
const ITEM_WRITERS = [personalInfoItemXml, employmentItemXml, contractItemXml, functionItemXml, departmentItemXml];

function plain(content: string): boolean {
  return isPlainElementContent(content, 0, content.length);
}

function validatorAccepts(content: string): boolean {
  return XMLValidator.validate(`<r>${content}</r>`) === true;
}

describe("the fast check of a result's pieces", () => {
  it("accepts every item the simulator writes, in every bulk answer", () => {
    for (const write of ITEM_WRITERS) expect(plain(employees.map(write).join(""))).toBe(true);
  });

  it("checks only the range it is given", () => {
    const item = employmentItemXml(employees[0]!);
    const xml = `<x>${item}${item}</x`;
    expect(isPlainElementContent(xml, 3, 3 + 2 * item.length)).toBe(true);
    expect(isPlainElementContent(xml, 3, 3 + 2 * item.length - 1)).toBe(false);
  });

  it.each([
    ["self-closing tags with attributes", `<A xsi:nil="true" /><B a='1' b="2">x</B>`],
    ["entity and character references", "<A>Jansen &amp; Zn &lt;3 &#233;&#xE9;</A>"],
    ["text between items and a `>` in text", "\n <A>a > b</A>\n"],
    ["whitespace inside tags", "<A  >x</A  ><B\n/>"],
  ])("accepts %s", (_case, content) => {
    expect(plain(content)).toBe(true);
    expect(validatorAccepts(content)).toBe(true);
  });

  it.each([
    ["a mismatched end tag", "<A><B>x</A></B>"],
    ["an unclosed element", "<A><B>x</B>"],
    ["an end tag without a start", "<A>x</A></B>"],
    ["a bare ampersand", "<A>Jansen & Zn</A>"],
    ["an unterminated reference", "<A>&amp</A>"],
    ["an unquoted attribute", "<A a=1>x</A>"],
    ["an attribute given twice", `<A a="1" b="2" a="3">x</A>`],
    ["a `<` in an attribute value", `<A a="<">x</A>`],
    ["a tag cut short", "<A>x</A"],
    ["a start tag without a name", "< A>x</A>"],
  ])("refuses %s", (_case, content) => {
    expect(plain(content)).toBe(false);
  });

  it("leaves what is merely unusual to XMLValidator: a non-ASCII name, a reference in an attribute", () => {
    for (const content of ["<Naïef>x</Naïef>", `<A a="&amp;">x</A>`]) {
      expect(plain(content)).toBe(false);
      expect(validatorAccepts(content)).toBe(true);
    }
  });

  // The check may refuse more than XMLValidator (the caller then validates the whole document), but whatever it
  // accepts must be well-formed. Random damage to real items, each judged by both.
  it("never accepts damaged content that XMLValidator refuses", () => {
    const random = seededRandom(20261129);
    const damage = [
      (xml: string, at: number) => xml.slice(0, at) + xml.slice(at + 1),
      (xml: string, at: number) =>
        xml.slice(0, at) + random.pick(["<", ">", "/", "&", '"', "=", " ", "</A>", "<A>"]) + xml.slice(at),
      (xml: string, at: number) => xml.slice(0, at),
      (xml: string, at: number) => xml.slice(0, at) + xml.slice(at + random.int(1, 40)),
    ];
    let refused = 0;
    let accepted = 0;
    for (let round = 0; round < 3000; round += 1) {
      const write = random.pick(ITEM_WRITERS);
      const items = [write(random.pick(employees)), write(random.pick(employees))].join("");
      const damaged = random.pick(damage)(items, random.int(0, items.length - 1));
      if (plain(damaged)) {
        accepted += 1;
        expect(validatorAccepts(damaged), damaged).toBe(true);
      } else refused += 1;
    }
    // Both outcomes happen, so the comparison above was exercised (a deleted space or a cut between items is harmless).
    expect(refused).toBeGreaterThan(1500);
    expect(accepted).toBeGreaterThan(50);
  });
});
