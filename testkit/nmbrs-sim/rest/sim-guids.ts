import { createHash } from "node:crypto";

/**
 * The REST API names everything by GUID where SOAP uses integers (Nmbrs API reference). The simulator serves one dataset
 * through both, so each integer id has one GUID: derived from it, stable across runs and processes, and looked up
 * the other way through a cache filled as GUIDs are handed out.
 */
export type GuidKind =
  | "debtor"
  | "company"
  | "employee"
  | "personalinfo"
  | "employment"
  | "contract"
  | "function"
  | "department"
  | "costcenter"
  | "manager";

export class SimGuids {
  private readonly byId = new Map<string, string>();
  private readonly byGuid = new Map<string, number>();

  guid(kind: GuidKind, id: number): string {
    const key = `${kind}:${id}`;
    let guid = this.byId.get(key);
    if (!guid) {
      const hex = createHash("sha1").update(`nmbrs-sim:${key}`).digest("hex");
      // Shaped like a random (version 4, RFC 4122 variant) GUID, as Nmbrs' are.
      guid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
      this.byId.set(key, guid);
      this.byGuid.set(`${kind}:${guid}`, id);
    }
    return guid;
  }

  /** The integer id behind a GUID among `candidates` (ids of that kind that exist now), or undefined. */
  idOf(kind: GuidKind, guid: string, candidates: Iterable<number>): number | undefined {
    const cached = this.byGuid.get(`${kind}:${guid.toLowerCase()}`);
    if (cached !== undefined) return cached;
    for (const id of candidates) if (this.guid(kind, id) === guid.toLowerCase()) return id;
    return undefined;
  }
}
