import { detached } from "./xml-text.js";

/**
 * A tag as written, with what the reader needs to know of it: its local name (the prefix dropped) and whether it is
 * a list element. A bulk answer repeats a few dozen tags hundreds of thousands of times, so each is looked up by the
 * characters in the answer (see {@link TagNames}) instead of being sliced out of it, cut at its prefix and looked up in
 * the list elements every time: those strings were most of what the reader allocated.
 */
export interface TagName {
  readonly tag: string;
  readonly local: string;
  readonly list: boolean;
  /**
   * The tag that followed this one's start tag last time, and the one that followed its end tag: answers repeat
   * their shape item after item, so the next tag is checked against this guess before it is scanned and looked up.
   */
  afterStart: TagName | null;
  afterEnd: TagName | null;
}

/**
 * The tags met so far, by a hash of their characters; bounded, so that an answer of ever new names (hostile, or a
 * future one) costs a slice per tag as before instead of growing the table.
 */
export class TagNames {
  private readonly byHash = new Map<number, TagName[]>();
  private size = 0;

  constructor(private readonly isList: (name: string) => boolean) {}

  /** The tag `xml[at, end)`, whose characters hash to `hash`. */
  at(xml: string, at: number, end: number, hash: number): TagName {
    const length = end - at;
    const known = this.byHash.get(hash);
    if (known) for (const name of known) if (name.tag.length === length && xml.startsWith(name.tag, at)) return name;
    // Copied: the table outlives the answer, which a slice (a view, from 13 characters on) would keep alive.
    const tag = detached(xml.slice(at, end));
    const local = tag.slice(tag.indexOf(":") + 1);
    const name: TagName = { tag, local, list: this.isList(local), afterStart: null, afterEnd: null };
    if (this.size < MAX_TAG_NAMES) {
      this.size++;
      if (known) known.push(name);
      else this.byHash.set(hash, [name]);
    }
    return name;
  }
}

const MAX_TAG_NAMES = 512;

const tagNamesByRule = new WeakMap<(name: string) => boolean, TagNames>();

export function tagNamesFor(isList: (name: string) => boolean): TagNames {
  let names = tagNamesByRule.get(isList);
  if (!names) tagNamesByRule.set(isList, (names = new TagNames(isList)));
  return names;
}
