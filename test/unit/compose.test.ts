import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const compose = readFileSync(new URL("../../compose.yaml", import.meta.url), "utf8");
// The gateway's service block: from its key to the next top-level key (no YAML parser among the dependencies).
const service = compose.slice(compose.indexOf("\n  hr-gateway:\n"), compose.indexOf("\nvolumes:\n"));

describe("compose.yaml", () => {
  it("rotates the container's log (json-file, max-size and max-file) so stdout can never fill the disk", () => {
    const logging =
      /\n {4}logging:\n {6}driver: json-file\n {6}options:\n {8}max-size: "(\d+)m"\n {8}max-file: "(\d+)"\n/.exec(
        service,
      );
    expect(logging, "a logging stanza under services.hr-gateway").not.toBeNull();
    const [, megabytes, files] = logging!.map(Number);
    // docs/security.md promises at most 50 MB of container log.
    expect(megabytes! * files!).toBeLessThanOrEqual(50);
  });
});
