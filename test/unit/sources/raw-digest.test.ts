import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { RawAnswersDigest } from "../../../src/sources/raw-digest.js";

const KEY = randomBytes(32);

/** A company's digest from answers filed in the given order, each fed in the given chunks. */
function digestOf(answers: readonly (readonly [string, readonly string[]])[], reading: unknown = {}, key = KEY) {
  const digest = new RawAnswersDigest(key);
  for (const [label, chunks] of answers) {
    const hash = digest.answerHash();
    for (const chunk of chunks) hash.update(Buffer.from(chunk));
    digest.add(label, hash);
  }
  return digest.digest(reading);
}

const ANSWERS = [
  ["PersonalInfo {}", ["<a>1</a>", "<b>2</b>"]],
  ["Employment {}", ["<c>3</c>"]],
] as const;

describe("the digest of one company's raw answers", () => {
  it("does not depend on the order the answers arrived in, nor on how they were cut into chunks", () => {
    expect(digestOf([...ANSWERS].reverse())).toBe(digestOf(ANSWERS));
    expect(digestOf([["PersonalInfo {}", ["<a>1</a><b>2</b>"]], ANSWERS[1]])).toBe(digestOf(ANSWERS));
  });

  it.each([
    ["a byte of an answer", [["PersonalInfo {}", ["<a>1</a>", "<b>3</b>"]], ANSWERS[1]] as const, {}, KEY],
    ["the call an answer belongs to", [['PersonalInfo {"x":1}', ANSWERS[0][1]], ANSWERS[1]] as const, {}, KEY],
    ["an answer more", [...ANSWERS, ["Manager {}", ["<m/>"]]] as const, {}, KEY],
    ["what shaped the reading (today, options, reader version)", ANSWERS, { today: "2026-01-11" }, KEY],
    ["the key", ANSWERS, {}, randomBytes(32)],
  ])("changes with %s", (_, answers, reading, key) => {
    expect(digestOf(answers, reading, key)).not.toBe(digestOf(ANSWERS));
  });

  it("files a retried call's last answer only", () => {
    const digest = new RawAnswersDigest(KEY);
    for (const body of ["<lost/>", "<a>1</a><b>2</b>"]) {
      const hash = digest.answerHash();
      hash.update(Buffer.from(body));
      digest.add("PersonalInfo {}", hash);
    }
    const hash = digest.answerHash();
    hash.update(Buffer.from("<c>3</c>"));
    digest.add("Employment {}", hash);
    expect(digest.digest({})).toBe(digestOf(ANSWERS));
  });
});
