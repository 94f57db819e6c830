import { describe, expect, it } from "vitest";
import { throttleAddress } from "../../../src/admins/throttle-address.js";

describe("throttleAddress", () => {
  it.each([
    { address: "203.0.113.9", counted: "203.0.113.9" },
    { address: "2001:db8:1:2::1", counted: "2001:db8:1:2::/64" },
    { address: "2001:0db8:0001:0002:ffff:0:0:1", counted: "2001:db8:1:2::/64" },
    { address: "2001:DB8:1:2:3:4:5:6", counted: "2001:db8:1:2::/64" },
    { address: "2001:db8::1", counted: "2001:db8:0:0::/64" },
    { address: "::1", counted: "0:0:0:0::/64" },
    { address: "fe80::1%eth0", counted: "fe80:0:0:0::/64" },
    { address: "64:ff9b::203.0.113.9", counted: "64:ff9b:0:0::/64" },
    { address: "not an address", counted: "not an address" },
  ])("counts $address as $counted", ({ address, counted }) => {
    expect(throttleAddress(address)).toBe(counted);
  });
});
