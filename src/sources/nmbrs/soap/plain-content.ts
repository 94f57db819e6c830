/**
 * A fast, conservative well-formedness check for the pieces of a large SOAP result (result-pieces.ts).
 *
 * fast-xml-parser's XMLValidator cost a sizeable share of the parse itself on those pieces, seconds of a large sync
 * (BENCHMARKS.md). Pieces are simple: elements, attributes, text and entity references, as XmlSerializer writes them;
 * comments, CDATA and processing instructions are ruled out before this runs. For that subset a tokenizer of four
 * sticky regular expressions does the same job in a fraction of the time.
 *
 * It is conservative: it accepts only content it fully understands (ASCII names, quoted attribute values without `&`
 * or `<`, no repeated attribute, every tag closed in order). Anything else answers false, and the caller then
 * validates the whole document with XMLValidator, which accepts what is merely unusual and reports what is broken
 * with its exact line and column. So this check only decides how fast a document is read, never whether.
 */

const NAME = "[A-Za-z_][\\w.:-]*";
const ATTRIBUTE = new RegExp(`\\s+(${NAME})\\s*=\\s*(?:"[^"<&]*"|'[^'<&]*')`, "g");
const START_TAG = new RegExp(`<(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<&]*"|'[^'<&]*'))*)\\s*(/?)>`, "y");
const END_TAG = new RegExp(`</(${NAME})\\s*>`, "y");
const TEXT = /[^<&]*/y;
const REFERENCE = /&(?:[A-Za-z_][\w.-]*|#\d+|#x[\dA-Fa-f]+);/y;

const LESS_THAN = 60;
const SLASH = 47;
const AMPERSAND = 38;

/** Whether `xml[from, to)` is a run of well-formed element content (elements, text, references), every tag closed. */
export function isPlainElementContent(xml: string, from: number, to: number): boolean {
  const open: string[] = [];
  let at = from;
  while (at < to) {
    const char = xml.charCodeAt(at);
    if (char === LESS_THAN && xml.charCodeAt(at + 1) === SLASH) {
      const end = matchAt(END_TAG, xml, at, to);
      if (!end || open.pop() !== end[1]) return false;
      at = END_TAG.lastIndex;
    } else if (char === LESS_THAN) {
      const start = matchAt(START_TAG, xml, at, to);
      if (!start || !distinctAttributes(start[2]!)) return false;
      if (start[3] !== "/") open.push(start[1]!);
      at = START_TAG.lastIndex;
    } else if (char === AMPERSAND) {
      if (!matchAt(REFERENCE, xml, at, to)) return false;
      at = REFERENCE.lastIndex;
    } else {
      TEXT.lastIndex = at;
      TEXT.test(xml);
      at = Math.min(TEXT.lastIndex, to);
    }
  }
  return open.length === 0;
}

/** The sticky `pattern` matched at `at`, if the match ends within `to`. */
function matchAt(pattern: RegExp, xml: string, at: number, to: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  const match = pattern.exec(xml);
  return match && pattern.lastIndex <= to ? match : null;
}

/** XML forbids an attribute twice on one element; most tags have none or one (`xsi:nil`), so most skip the scan. */
function distinctAttributes(attributes: string): boolean {
  if (attributes.indexOf("=") === attributes.lastIndexOf("=")) return true;
  const names = [...attributes.matchAll(ATTRIBUTE)].map((match) => match[1]);
  return new Set(names).size === names.length;
}
