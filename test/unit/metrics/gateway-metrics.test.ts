import { describe, expect, it } from "vitest";
import { scimRoute } from "../../../src/metrics/gateway-metrics.js";
import { Counter, Gauge, Histogram, MetricsRegistry } from "../../../src/metrics/prometheus-text.js";

describe("Prometheus text format", () => {
  it("writes HELP, TYPE and one line per series, with label values escaped", () => {
    const registry = new MetricsRegistry();
    const counter = registry.add(new Counter("requests_total", "Requests.\nSecond line"));
    counter.inc({ route: "/Users", status: "200" });
    counter.inc({ status: "200", route: "/Users" }, 2);
    counter.inc({ route: 'a"b\\c\nd', status: "500" });
    registry.add(new Gauge("up", "Always 1.", () => [{ labels: {}, value: 1 }]));
    expect(registry.render()).toBe(
      "# HELP requests_total Requests.\\nSecond line\n# TYPE requests_total counter\n" +
        'requests_total{route="/Users",status="200"} 3\n' +
        'requests_total{route="a\\"b\\\\c\\nd",status="500"} 1\n' +
        "# HELP up Always 1.\n# TYPE up gauge\nup 1\n",
    );
  });

  it("keeps histogram buckets cumulative, with +Inf, _sum and _count", () => {
    const histogram = new Histogram("duration_seconds", "Durations.", [0.1, 1]);
    for (const value of [0.05, 0.5, 0.7, 3]) histogram.observe({ route: "/Users" }, value);
    expect(histogram.render().split("\n").slice(2, -1)).toEqual([
      'duration_seconds_bucket{route="/Users",le="0.1"} 1',
      'duration_seconds_bucket{route="/Users",le="1"} 3',
      'duration_seconds_bucket{route="/Users",le="+Inf"} 4',
      'duration_seconds_sum{route="/Users"} 4.25',
      'duration_seconds_count{route="/Users"} 4',
    ]);
  });
});

describe("SCIM route labels never carry ids", () => {
  it.each([
    ["/scim/v2/acme/Users", "/Users"],
    ["/scim/v2/acme/users", "/Users"],
    ["/scim/v2/acme/Users/2819c223-7f76-453a-919d-413861904646", "/Users/{id}"],
    ["/scim/v2/acme/Groups/.search", "/Groups/.search"],
    ["/scim/v2/acme/Groups/", "/Groups"],
    ["/scim/v2/acme/ServiceProviderConfig", "/ServiceProviderConfig"],
    ["/scim/v2/acme/Schemas/urn:ietf:params:scim:schemas:core:2.0:User", "/Schemas/{id}"],
    ["/scim/v2/acme", "/"],
    ["/scim/v2/acme/Users/1/extra", "other"],
    ["/scim/v2/acme/Bogus", "other"],
    ["/scim/v2/", "other"],
  ])("%s → %s", (path, route) => {
    expect(scimRoute(path)).toBe(route);
  });
});
