/** RFC 7644 §3.10 attribute notation: `[URN ":"] name ["." subName]`, e.g. `urn:…:enterprise:2.0:User:manager.value`. */
export interface AttrPath {
  /** The schema URN as written, when the path is fully qualified. */
  readonly uri?: string;
  readonly name: string;
  readonly sub?: string;
}

// ATTRNAME = ALPHA *(nameChar); "$ref" is the one defined name outside that rule (RFC 7643 §2.3.7).
const NAME = /^(?:[A-Za-z][\w-]*|\$ref)$/;

/** Parses one attribute path; undefined when the text is not one. Names are kept as written (resolution folds case). */
export function parseAttributePath(text: string): AttrPath | undefined {
  // Attribute names cannot contain ":", and URNs always do, so the last colon separates them (URNs may hold dots).
  const colon = text.lastIndexOf(":");
  const uri = colon === -1 ? undefined : text.slice(0, colon);
  const [name = "", sub, ...more] = text.slice(colon + 1).split(".");
  if (more.length > 0 || !NAME.test(name) || (sub !== undefined && !NAME.test(sub))) return undefined;
  if (uri !== undefined && !/^urn:[^\s]+$/i.test(uri)) return undefined;
  return { ...(uri === undefined ? {} : { uri }), name, ...(sub === undefined ? {} : { sub }) };
}

export function printAttributePath(path: AttrPath): string {
  return `${path.uri === undefined ? "" : `${path.uri}:`}${path.name}${path.sub === undefined ? "" : `.${path.sub}`}`;
}
