import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { builtAtFirstRequest } from "../../../src/server/built-at-first-request.js";

function appAnswering(text: string): Hono {
  const app = new Hono();
  app.get("/page/:name", (c) => c.text(`${text} ${c.req.param("name")}`));
  return app;
}

/** A root app that hands every request to the app `build` makes at the first one; a failed build answers 500. */
function rootBuilding(build: () => Promise<Hono>): Hono {
  const root = new Hono();
  root.all("*", builtAtFirstRequest(build));
  root.onError((_error, c) => c.text("failed", 500));
  return root;
}

describe("builtAtFirstRequest", () => {
  it("builds the app at the first request only, and gives it the request unchanged", async () => {
    let builds = 0;
    const root = rootBuilding(async () => {
      builds++;
      return appAnswering("built");
    });
    expect(builds).toBe(0);
    expect(await (await root.request("/page/one")).text()).toBe("built one");
    expect(await (await root.request("/page/two")).text()).toBe("built two");
    expect(builds).toBe(1);
  });

  it("builds again at the next request after a build that failed", async () => {
    let builds = 0;
    const root = rootBuilding(async () => {
      builds++;
      if (builds === 1) throw new Error("module not found");
      return appAnswering("second");
    });
    expect((await root.request("/page/one")).status).toBe(500);
    expect(await (await root.request("/page/one")).text()).toBe("second one");
    expect(builds).toBe(2);
  });
});
