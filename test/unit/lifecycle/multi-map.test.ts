import { describe, expect, it } from "vitest";
import { MultiMap } from "../../../src/lifecycle/multi-map.js";

describe("MultiMap", () => {
  const grouped = () => {
    const map = new MultiMap<string, { id: number }>();
    for (const [key, id] of [
      ["b", 1],
      ["a", 2],
      ["b", 3],
      ["c", 4],
      ["b", 5],
      ["a", 6],
    ] as const)
      map.add(key, { id });
    return map;
  };

  it("gives every value of a key in the order added, a single one too, and nothing for an unknown key", () => {
    const map = grouped();
    expect(map.get("b")?.map((value) => value.id)).toEqual([1, 3, 5]);
    expect(map.get("c")?.map((value) => value.id)).toEqual([4]);
    expect(map.get("d")).toBeUndefined();
  });

  it("lists the keys with more than one value, in the order of their first value", () => {
    const repeated = [...grouped().repeated()].map(([key, values]) => [key, values.map((value) => value.id)]);
    expect(repeated).toEqual([
      ["b", [1, 3, 5]],
      ["a", [2, 6]],
    ]);
  });
});
