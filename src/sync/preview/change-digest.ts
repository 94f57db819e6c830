import { createHash } from "node:crypto";
import type { ChangedResource, GenerationChanges } from "../../directory/resource.js";

/**
 * A deterministic fingerprint of what a commit changed, comparable between a preview and the run that applies after
 * it. One line per changed resource: type, key and the hash of its new body, or "removed". Resources that already
 * exist are keyed by SCIM id; a created one gets its id only when the run applies (each plan draws new ids), so it is
 * keyed by what identifies it instead (a user's externalId, a group's displayName), and every reference to a created
 * id (a group member, a manager) is rewritten to that key before hashing. `meta` (dates, version) is left out.
 */
export function changeFingerprints(
  changes: Pick<GenerationChanges, "created" | "updated" | "removed">,
  source: BodySource = IN_MEMORY,
): string[] {
  const newKeys = new Map<string, string>();
  for (const change of changes.created) {
    const key = source.key(change);
    newKeys.set(change.scimId, `new ${typeof key === "string" ? key : change.scimId}`);
  }
  const lines: string[] = [];
  for (const change of [...changes.created, ...changes.updated]) {
    const key = newKeys.get(change.scimId) ?? change.scimId;
    // One body at a time: a first run's 100,000 created bodies are never held together.
    lines.push(
      `${change.type} ${key} ${bodyHash(JSON.parse(source.body(change)) as Record<string, unknown>, newKeys)}`,
    );
  }
  for (const change of changes.removed) lines.push(`${change.type} ${change.scimId} removed`);
  return lines.sort();
}

/** sha256 (hex) of the sorted fingerprints: equal digests mean the same resources changed to the same content. */
export function changeSetDigest(
  changes: Pick<GenerationChanges, "created" | "updated" | "removed">,
  source: BodySource = IN_MEMORY,
): string {
  return createHash("sha256").update(changeFingerprints(changes, source).join("\n")).digest("hex");
}

/**
 * Where the digest reads a changed resource's body and a created resource's stable key (a user's externalId, a
 * group's displayName). In memory for a preview; from the directory for an applied run, which keeps no bodies.
 */
export interface BodySource {
  key(change: ChangedResource): unknown;
  body(change: ChangedResource): string;
}

const IN_MEMORY: BodySource = {
  key: (change) => {
    const body = JSON.parse(bodyOf(change)) as Record<string, unknown>;
    return change.type === "User" ? body.externalId : body.displayName;
  },
  body: bodyOf,
};

function bodyOf(change: ChangedResource): string {
  if (change.after === null)
    throw new Error(`the body of ${change.type} ${change.scimId} is needed for its fingerprint`);
  return change.after;
}

function bodyHash(body: Record<string, unknown>, newKeys: ReadonlyMap<string, string>): string {
  const { meta: _meta, ...content } = body;
  // Nothing to rewrite when no resource was created (a normal day): the replacer is most of the cost.
  const normalised =
    newKeys.size === 0
      ? JSON.stringify(content)
      : JSON.stringify(content, (_key, value: unknown) =>
          typeof value === "string" ? withStableIds(value, newKeys) : value,
        );
  return createHash("sha256").update(normalised).digest("base64url").slice(0, 22);
}

/** "…-id" → its stable key, also inside a relative $ref ("Users/…-id"). */
function withStableIds(value: string, newKeys: ReadonlyMap<string, string>): string {
  const whole = newKeys.get(value);
  if (whole !== undefined) return whole;
  const slash = value.lastIndexOf("/");
  if (slash < 0) return value;
  const tail = newKeys.get(value.slice(slash + 1));
  return tail === undefined ? value : `${value.slice(0, slash + 1)}${tail}`;
}
