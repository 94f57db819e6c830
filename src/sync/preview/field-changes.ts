import { attributeValues } from "../history.js";
import type { FieldChange } from "./preview-types.js";

/** The directory's bookkeeping: never a change an admin reviews. `active` is kept, unlike in the run history. */
const BOOKKEEPING: ReadonlySet<string> = new Set(["meta", "id", "schemas"]);
/** Group members are reported by name (memberChanges), not as one changed array. */
const GROUP_BOOKKEEPING: ReadonlySet<string> = new Set([...BOOKKEEPING, "members"]);

export type Body = Readonly<Record<string, unknown>>;

/**
 * Every attribute that differs between two bodies of a resource (null = not served), with the run history's paths
 * (history.ts), so a preview's field changes line up with the person_changes rows the applying run writes.
 */
export function fieldChanges(before: Body | null, after: Body | null, type: "User" | "Group" = "User"): FieldChange[] {
  const skip = type === "Group" ? GROUP_BOOKKEEPING : BOOKKEEPING;
  const old = before ? attributeValues(before as Record<string, unknown>, skip) : new Map<string, string>();
  const now = after ? attributeValues(after as Record<string, unknown>, skip) : new Map<string, string>();
  const changes: FieldChange[] = [];
  for (const field of new Set([...old.keys(), ...now.keys()])) {
    const oldValue = old.get(field) ?? null;
    const newValue = now.get(field) ?? null;
    if (oldValue !== newValue) changes.push({ field, old: oldValue, new: newValue });
  }
  return changes;
}

interface Member {
  readonly value: string;
  readonly display?: string;
}

/** Members that join and leave a group, by display name (their SCIM id when a member has none). */
export function memberChanges(before: Body | null, after: Body | null): { added: string[]; removed: string[] } {
  const old = membersOf(before);
  const now = membersOf(after);
  const name = (member: Member) => member.display ?? member.value;
  return {
    added: [...now.values()].filter((member) => !old.has(member.value)).map(name),
    removed: [...old.values()].filter((member) => !now.has(member.value)).map(name),
  };
}

function membersOf(body: Body | null): Map<string, Member> {
  const members = (body?.members ?? []) as readonly Member[];
  return new Map(members.map((member) => [member.value, member]));
}
