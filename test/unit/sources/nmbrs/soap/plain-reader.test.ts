import fc from "fast-check";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { generateDataset } from "../../../../../testkit/nmbrs-sim/generator.js";
import {
  contractItemXml,
  departmentItemXml,
  employmentItemXml,
  functionItemXml,
  personalInfoItemXml,
} from "../../../../../testkit/nmbrs-sim/soap/employee-records.js";
import { answerText } from "../../../../../src/sources/nmbrs/soap/answer-text.js";
import { readPlainContent } from "../../../../../src/sources/nmbrs/soap/plain-reader.js";
import { NMBRS_PARSER_OPTIONS, isListElement, type XmlNode } from "../../../../../src/sources/nmbrs/soap/xml-reader.js";

const employees = generateDataset({ seed: 11, companies: 1, employeesPerCompany: 60, today: "2026-11-28" }).employees;
const ITEM_WRITERS = [personalInfoItemXml, employmentItemXml, contractItemXml, functionItemXml, departmentItemXml];
const parser = new XMLParser(NMBRS_PARSER_OPTIONS);

/** What the reader makes of `content`, given as the bytes of a SOAP answer (UTF-8). */
function read(content: string | Buffer): XmlNode | null {
  const answer = answerText(content);
  return readPlainContent(answer, 0, answer.bytes.length, isListElement);
}

/** Bytes as a sync decoded them for fast-xml-parser: UTF-8, a broken sequence read as U+FFFD. */
function decoded(content: string | Buffer): string {
  return typeof content === "string" ? content : content.toString("utf8");
}

function validatorAccepts(content: string | Buffer): boolean {
  return XMLValidator.validate(`<r>${decoded(content)}</r>`) === true;
}

/** What fast-xml-parser makes of `content` as an element's children (an empty element reads as ""). */
function parsed(content: string | Buffer): unknown {
  const root = (parser.parse(`<r>${decoded(content)}</r>`) as { r: unknown }).r;
  return root === "" ? {} : root;
}

/**
 * The reader must never accept what XMLValidator refuses, and what it accepts it must read exactly as
 * fast-xml-parser does. It may refuse more (the caller then validates and parses that piece with fast-xml-parser).
 */
function expectSameAsParser(content: string | Buffer): "read" | "left to the parser" {
  const result = read(content);
  if (result === null) return "left to the parser";
  expect(validatorAccepts(content), decoded(content)).toBe(true);
  expect(result, decoded(content)).toEqual(parsed(content));
  return "read";
}

describe("the tokenizing reader of a large result's pieces", () => {
  it("reads every item the simulator writes, in every bulk answer, as fast-xml-parser does", () => {
    for (const write of ITEM_WRITERS) expect(expectSameAsParser(employees.map(write).join("\n"))).toBe("read");
  });

  it("reads only the range it is given", () => {
    const item = employmentItemXml(employees[0]!);
    const xml = answerText(`<x>${item}${item}</x`);
    const length = Buffer.byteLength(item);
    expect(readPlainContent(xml, 3, 3 + 2 * length, isListElement)).toEqual(parsed(item + item));
    expect(readPlainContent(xml, 3, 3 + 2 * length - 1, isListElement)).toBeNull();
  });

  it.each([
    ["nil and other attributes, prefixes dropped", `<A xsi:nil="true" /><B a='1' x:b="2">x</B><C c="3"></C>`],
    ["the five predefined entities", "<A>Jansen &amp; Zn &lt;3 &gt; &quot;D&apos;Souza&quot; &amp;lt;</A>"],
    ["text between items and a `>` in text", "\n <A>a > b</A>\n"],
    ["whitespace inside tags and around values", "<A  > x </A  ><B\n/><C a = ' 1 ' />"],
    ["repeated elements and list elements", "<A>1</A><A/><Employee><Id>1</Id></Employee><X><A>1</A></X>"],
    ["prefixed elements and namespace declarations", `<e:A xmlns:e="urn:e"><e:B>1</e:B></e:A><C xmlns="q">2</C>`],
    ["an element with attributes and children", `<A a="1"><B>2</B></A>`],
    ["two names whose characters hash alike (Ab, BC)", "<Ab>1</Ab><BC>2</BC><Ab><BC>3</BC></Ab>"],
    ["a name that is a prefix of the next one", "<Id>1</Id><Ids><Id>2</Id></Ids><I>3</I>"],
    [
      "more distinct names than the reader remembers",
      Array.from({ length: 700 }, (_, n) => `<N${n}>${n}</N${n}>`).join(""),
    ],
  ])("reads %s as fast-xml-parser does", (_case, content) => {
    expect(expectSameAsParser(content)).toBe("read");
  });

  it.each([
    ["a mismatched end tag", "<A><B>x</A></B>"],
    ["an unclosed element", "<A><B>x</B>"],
    ["an end tag without a start", "<A>x</A></B>"],
    ["a bare ampersand", "<A>Jansen & Zn</A>"],
    ["an unterminated reference", "<A>&amp</A>"],
    ["an unquoted attribute", "<A a=1>x</A>"],
    ["an attribute given twice", `<A a="1" b="2" a="3">x</A>`],
    ["a tag cut short", "<A>x</A"],
    ["a start tag without a name", "< A>x</A>"],
    ["attributes without space between them", `<A a="1"b="2">x</A>`],
    ["an end tag of a name that hashes alike", "<Ab>1</BC>"],
    ["an end tag that only starts with the name", "<Id>1</Ids>"],
  ])("refuses %s", (_case, content) => {
    expect(read(content)).toBeNull();
    expect(validatorAccepts(content)).toBe(false);
  });

  it.each([
    ["a character reference", "<A>&#233;</A>"],
    ["a non-ASCII name", "<Naïef>x</Naïef>"],
    ["a reference in an attribute", `<A a="&amp;">x</A>`],
    ["a `<` in an attribute value (XML forbids it, fast-xml-parser's validator lets it pass)", `<A a="<">x</A>`],
    ["a comment", "<A>x</A><!-- c -->"],
    ["CDATA", "<A><![CDATA[x]]></A>"],
    ["mixed content", "<A>x<B>1</B></A>"],
    ["text beside the items", "x<A>1</A>"],
    ["a name an object has from its prototype", "<constructor>1</constructor>"],
    ["two prefixes of one attribute", `<A x:a="1" y:a="2"/>`],
  ])("leaves what is merely unusual to fast-xml-parser: %s", (_case, content) => {
    expect(read(content)).toBeNull();
  });

  // Generated answers: trees of the shapes XmlSerializer writes, with names that are lists and not, prefixes,
  // attributes, entities and whitespace, then the same damaged at random.
  const NAMES = ["A", "B", "Id", "Employee", "PersonalInfoItem", "e:A", "e:Employee", "constructor"];
  const text = fc
    .string({ unit: fc.constantFrom("a", "Z", " ", "\n", "é", ">", "&", "<", '"', "'", ";", "]") })
    .map((value) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;"));
  const attributes = fc.subarray([` xsi:nil="true"`, ` a='1'`, ` xmlns:e="urn:e"`, ` b = " 2 "`]);
  type Tree = { name: string; attributes: string[]; content: string | Tree[] };
  const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
    tree: fc.record({
      name: fc.constantFrom(...NAMES),
      attributes,
      content: fc.oneof({ depthSize: "small" }, text, fc.array(tie("tree"), { maxLength: 4 })),
    }),
  }));
  const space = fc.constantFrom("", "", " ", "\n  ");
  const writeTree = (node: Tree, gap: string): string => {
    const content =
      typeof node.content === "string" ? node.content : node.content.map((c) => writeTree(c, gap)).join(gap);
    const open = `${node.name}${node.attributes.join("")}`;
    return content === "" && gap === "" ? `<${open}/>` : `<${open}>${content}</${node.name}>`;
  };
  const answers = fc
    .tuple(fc.array(tree, { maxLength: 4 }), space)
    .map(([trees, gap]) => trees.map((node) => writeTree(node, gap)).join(gap));
  const damage = fc.oneof(
    fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
    fc.record({
      kind: fc.constant("insert" as const),
      at: fc.nat(),
      text: fc.constantFrom("<", ">", "/", "&", '"', "=", " ", "</A>", "<A>", "<B/>", "&#65;", ":", "x"),
    }),
    fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  );
  const damaged = fc.tuple(answers, fc.array(damage, { minLength: 1, maxLength: 3 })).map(([xml, edits]) =>
    edits.reduce((out, edit) => {
      const at = out.length === 0 ? 0 : edit.at % out.length;
      if (edit.kind === "delete") return out.slice(0, at) + out.slice(at + edit.length);
      if (edit.kind === "insert") return out.slice(0, at) + edit.text + out.slice(at);
      return out.slice(0, at);
    }, xml),
  );

  it("reads generated answers as fast-xml-parser does", () => {
    let readCount = 0;
    fc.assert(
      fc.property(answers, (xml) => {
        if (expectSameAsParser(xml) === "read") readCount += 1;
      }),
      { numRuns: 2000 },
    );
    // Most generated answers are plain (only `constructor` and mixed content are left to the parser).
    expect(readCount).toBeGreaterThan(500);
  });

  it("never accepts a damaged answer that XMLValidator refuses, and reads the ones it accepts as fast-xml-parser does", () => {
    const outcomes = { read: 0, "left to the parser": 0 };
    fc.assert(
      fc.property(damaged, (xml) => {
        outcomes[expectSameAsParser(xml)] += 1;
      }),
      { numRuns: 4000 },
    );
    // Both outcomes happen, so the comparison above was exercised (a cut between items is harmless).
    expect(outcomes.read).toBeGreaterThan(200);
    expect(outcomes["left to the parser"]).toBeGreaterThan(1000);
  });

  it("reads bytes beyond ASCII, whole characters or broken UTF-8, as fast-xml-parser reads their UTF-8 decoding", () => {
    // Scanned as Latin-1, a byte of 0x80 or more is never markup: values holding one are decoded as UTF-8 alone.
    const bytes = fc.constantFrom(
      [0xc3, 0xa9], // é
      [0xe2, 0x80, 0x99], // ’
      [0xc2, 0xa0], // a no-break space, which JavaScript's trim drops
      [0xe2, 0x80], // a character cut short
      [0xff], // never UTF-8
      [0xa0], // a continuation byte alone
    );
    const withBytes = fc
      .tuple(answers, fc.array(fc.tuple(fc.nat(), bytes), { minLength: 1, maxLength: 4 }))
      .map(([xml, inserts]) =>
        inserts.reduce(
          (out, [at, insert]) => {
            const cut = out.length === 0 ? 0 : at % out.length;
            return Buffer.concat([out.subarray(0, cut), Buffer.from(insert), out.subarray(cut)]);
          },
          Buffer.from(xml, "utf8"),
        ),
      );
    const outcomes = { read: 0, "left to the parser": 0 };
    fc.assert(
      fc.property(withBytes, (xml) => {
        outcomes[expectSameAsParser(xml)] += 1;
      }),
      { numRuns: 3000 },
    );
    // Most inserts land in a name or between elements, which the reader leaves to the parser; some in values.
    expect(outcomes.read).toBeGreaterThan(50);
  });

  it("never accepts damaged simulator items that XMLValidator refuses", () => {
    const items = fc
      .tuple(fc.constantFrom(...ITEM_WRITERS), fc.constantFrom(...employees), fc.constantFrom(...employees))
      .map(([write, one, two]) => write(one) + write(two));
    const edits = fc.tuple(items, damage).map(([xml, edit]) => {
      const at = edit.at % xml.length;
      if (edit.kind === "delete") return xml.slice(0, at) + xml.slice(at + edit.length);
      if (edit.kind === "insert") return xml.slice(0, at) + edit.text + xml.slice(at);
      return xml.slice(0, at);
    });
    fc.assert(
      fc.property(edits, (xml) => {
        expectSameAsParser(xml);
      }),
      { numRuns: 3000 },
    );
  });
});
