import { XMLValidator } from "fast-xml-parser";
import { type AnswerText, utf8 } from "./answer-text.js";

/**
 * Cutting a large SOAP result into pieces of whole items, so that it can be parsed a piece at a time. A bulk answer
 * is megabytes of XML; parsed whole, its nodes (several times the XML's size) outlive V8's young generation, so every
 * company leaves that much garbage in the old generation, which V8 lets grow to several times the live data before
 * collecting it (the peak RSS of a large sync, BENCHMARKS.md). Parsed in small pieces, each piece's nodes die young,
 * and the parse is faster too.
 *
 * Only the cutting is done here; xml-reader.ts reads the pieces (plain-reader.ts, else the one parser configuration).
 */

/** A result smaller than this is parsed whole: pieces would save nothing worth the bookkeeping. */
const PIECES_FROM_CHARS = 256 * 1024;
/** Characters per piece (whole items, so a little more). */
const PIECE_CHARS = 16 * 1024;

export interface ResultPieces {
  /** The document with the result's content left out (`<OpResult></OpResult>`): envelope, header, response. */
  readonly skeleton: string;
  /** The repeated item element as written, prefix included (`PersonalInfoItem`, or `a:PersonalInfoItem`). */
  readonly itemTag: string;
  /** `[start, end)` offsets (in the answer's bytes and its Latin-1 text alike) of consecutive runs of whole items; together they are exactly the result's content. */
  readonly pieces: readonly (readonly [number, number])[];
}

/**
 * The pieces of `<{resultName}>` in the answer, or null when the result is small, absent, or does not start with an
 * element, or the rest of the document is not well-formed (then the caller parses the document whole, which also
 * reports any malformation exactly).
 *
 * The skeleton is validated here and each piece as it is read (xml-reader.ts); together that is the same check as
 * validating the whole document: every piece being balanced proves that no cut fell inside an element. Cuts are made
 * only before a start tag of the item's name, which XmlSerializer never nests in itself: a cut inside an item would
 * leave two unbalanced pieces, which fail the read loudly.
 *
 * `firstDeclaration` is where the document's first `<!` is (-1: none), when the caller has looked for it already.
 */
export function splitResult(
  answer: AnswerText,
  resultName: string,
  firstDeclaration = answer.latin1.indexOf("<!"),
): ResultPieces | null {
  const xml = answer.latin1;
  const open = new RegExp(`<([A-Za-z_][\\w.-]*:)?${resultName}(\\s[^>]*)?>`).exec(xml);
  if (!open || open[0].endsWith("/>")) return null;
  const start = open.index + open[0].length;
  const end = xml.lastIndexOf(`</${open[1] ?? ""}${resultName}>`);
  if (end - start < PIECES_FROM_CHARS) return null;
  // A comment, CDATA section or processing instruction could hide an item's start tag; XmlSerializer writes none.
  const declaration = firstDeclaration === -1 ? end : indexWithin(xml, "<!", start, end);
  const special = Math.min(declaration, indexWithin(xml, "<?", start, end));
  if (special < end) return null;
  const first = /^\s*<([A-Za-z_][\w.:-]*)/.exec(xml.slice(start, start + 256));
  if (!first) return null;
  const itemTag = first[1]!;
  const pieces: [number, number][] = [];
  for (let at = start + first[0].length - itemTag.length - 1; at < end; ) {
    const cut = nextStartTag(xml, itemTag, at + PIECE_CHARS, end);
    pieces.push([at, cut]);
    at = cut;
  }
  // Cut at markup, so decoding the two parts apart is decoding them together.
  const skeleton = utf8(answer, 0, start) + utf8(answer, end);
  if (XMLValidator.validate(skeleton) !== true) return null;
  return { skeleton, itemTag, pieces };
}

/** The first `<tag` at or after `from` that starts an element of exactly that name, else `end`. */
function nextStartTag(xml: string, tag: string, from: number, end: number): number {
  for (let at = xml.indexOf(`<${tag}`, from); at !== -1 && at < end; at = xml.indexOf(`<${tag}`, at + 1)) {
    const next = xml.charCodeAt(at + tag.length + 1);
    // '>', '/', space, tab, LF, CR
    if (next === 62 || next === 47 || next === 32 || next === 9 || next === 10 || next === 13) return at;
  }
  return end;
}

function indexWithin(xml: string, text: string, start: number, end: number): number {
  const at = xml.indexOf(text, start);
  return at === -1 ? end : at;
}
