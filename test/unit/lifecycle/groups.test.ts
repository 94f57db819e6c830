import { describe, expect, it } from "vitest";
import type { ConnectorSettings } from "../../../src/config/types.js";
import {
  groupMemberships,
  groupResource,
  groupTemplateProblem,
  newConnectorGroupTemplates,
  renderGroupName,
} from "../../../src/lifecycle/groups.js";
import { BETA, hrPerson } from "../../support/hr-data.js";

const groups = (
  kinds: ConnectorSettings["groups"]["kinds"],
  templates: ConnectorSettings["groups"]["templates"] = {},
) => ({ kinds, templates });

describe("groupMemberships", () => {
  const person = hrPerson({
    company: BETA,
    department: { code: "10", name: "Sales" },
    function: { code: "F1", name: "Accountmanager" },
    employeeType: "Stagiair",
    costCenter: { code: "4100", name: "Verkoop" },
  });

  it.each([
    ["department by default template", groups(["department"]), [{ key: "department:10", displayName: "Sales" }]],
    ["company, keyed by company number", groups(["company"]), [{ key: "company:2", displayName: "Beta Services BV" }]],
    ["function", groups(["function"]), [{ key: "function:F1", displayName: "Accountmanager" }]],
    [
      "employee type (no code: keyed by name)",
      groups(["employee_type"]),
      [{ key: "employee_type:name:stagiair", displayName: "Stagiair" }],
    ],
    [
      "cost center with a code template",
      groups(["cost_center"], { cost_center: "KP {code} {name}" }),
      [{ key: "cost_center:4100", displayName: "KP 4100 Verkoop" }],
    ],
    [
      "{company} in the template makes one group per company",
      groups(["department"], { department: "{company} – {name}" }),
      [{ key: "department:2:10", displayName: "Beta Services BV – Sales" }],
    ],
    [
      "several kinds at once, in configured order",
      groups(["company", "department"]),
      [
        { key: "company:2", displayName: "Beta Services BV" },
        { key: "department:10", displayName: "Sales" },
      ],
    ],
  ])("%s", (_rule, settings, expected) => {
    expect(groupMemberships(person, settings)).toEqual(expected);
  });

  it("a department without a code is keyed by its name, case-insensitively", () => {
    const memberships = groupMemberships(
      hrPerson({ department: { code: null, name: "Klantenservice" } }),
      groups(["department"]),
    );
    expect(memberships).toEqual([{ key: "department:name:klantenservice", displayName: "Klantenservice" }]);
  });

  it("a person without a department is in no department group", () => {
    expect(groupMemberships(hrPerson({ department: null }), groups(["department"]))).toEqual([]);
  });
});

describe("renderGroupName", () => {
  it.each([
    ["{name}", { name: "Sales", code: "10", company: "Acme BV" }, "Sales"],
    ["Afdeling {name}", { name: "Sales", code: "10", company: "Acme BV" }, "Afdeling Sales"],
    ["{code} - {name}", { name: "Sales", code: null, company: "Acme BV" }, "Sales"],
    ["{name} ({code})", { name: "Sales", code: "10", company: "Acme BV" }, "Sales (10)"],
    ["{company}: {name}", { name: "Sales", code: null, company: "Acme BV" }, "Acme BV: Sales"],
  ])("%s → %s", (template, values, expected) => {
    expect(renderGroupName(template, values)).toBe(expected);
  });
});

describe("newConnectorGroupTemplates: a console-made connector names the company when it may read several", () => {
  it.each([
    [
      1,
      { department: "{name}", company: "{name}", function: "{name}", employee_type: "{name}", cost_center: "{name}" },
    ],
    [
      2,
      {
        department: "{name} ({company})",
        company: "{name}",
        function: "{name} ({company})",
        employee_type: "{name}",
        cost_center: "{name} ({company})",
      },
    ],
    // None selected reads every company the credentials can see, which may be several.
    [
      0,
      {
        department: "{name} ({company})",
        company: "{name}",
        function: "{name} ({company})",
        employee_type: "{name}",
        cost_center: "{name} ({company})",
      },
    ],
  ])("%i companies selected", (selected, expected) => {
    expect(newConnectorGroupTemplates(selected)).toEqual(expected);
  });

  it("the Sales of two companies become two groups that say whose they are", () => {
    const templates = newConnectorGroupTemplates(2);
    const sales = { code: "10", name: "Sales" };
    const names = [hrPerson({ department: sales }), hrPerson({ company: BETA, department: sales })].map(
      (person) => groupMemberships(person, groups(["department"], templates))[0],
    );
    expect(names).toEqual([
      { key: "department:1:10", displayName: "Sales (Acme BV)" },
      { key: "department:2:10", displayName: "Sales (Beta Services BV)" },
    ]);
  });
});

describe("groupTemplateProblem", () => {
  it.each([
    ["{name}", null],
    ["KP {code}", null],
    ["{company} – {name}", null],
    ["{nmae} ({company})", "{nmae} is not a placeholder: use {name}, {code} or {company}"],
    ["{Name}", "{Name} is not a placeholder: use {name}, {code} or {company}"],
    ["{company}", "must contain {name} or {code}, or every group of this kind gets one name"],
    ["Staff", "must contain {name} or {code}, or every group of this kind gets one name"],
  ])("%j → %j", (template, expected) => {
    expect(groupTemplateProblem(template)).toBe(expected);
  });
});

describe("groupResource", () => {
  it("lists members by value and display only, as Okta's own member objects are", () => {
    expect(groupResource("g-1", "Sales", [{ scimId: "u-1", displayName: "Jan de Vries" }])).toEqual({
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"],
      id: "g-1",
      displayName: "Sales",
      members: [{ value: "u-1", display: "Jan de Vries" }],
    });
  });
});
