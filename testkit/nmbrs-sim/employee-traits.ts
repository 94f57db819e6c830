import type { Random } from "./random.js";

/**
 * What makes a generated employee interesting to a client. Each company's first employees get every trait in turn
 * (so even a 20-person company contains each edge case); the rest draw traits at realistic rates.
 */
export interface EmployeeTraits {
  readonly lifecycle: "regular" | "future-starter" | "recent-leaver" | "long-ago-leaver" | "rehire" | "fixed-term";
  /** private-only: no work e-mail; none: no e-mail at all. */
  readonly email: "work" | "private-only" | "none";
  /** Several personal-info records whose older ones carry a previous last name and e-mail. */
  readonly history: boolean;
  /** A department/function change that starts next month, which a client must not treat as current yet. */
  readonly futureChange: boolean;
  readonly manager: "colleague" | "external" | "none";
  /** The current contract appears twice under one ContractID, amended (HelloID readme, remark 5). */
  readonly duplicateContractId: boolean;
}

const REGULAR: EmployeeTraits = {
  lifecycle: "regular",
  email: "work",
  history: false,
  futureChange: false,
  manager: "colleague",
  duplicateContractId: false,
};

export const FORCED_TRAITS: readonly EmployeeTraits[] = [
  { ...REGULAR, manager: "none" },
  { ...REGULAR, history: true },
  { ...REGULAR, lifecycle: "future-starter" },
  { ...REGULAR, lifecycle: "recent-leaver" },
  { ...REGULAR, lifecycle: "long-ago-leaver" },
  { ...REGULAR, lifecycle: "rehire" },
  { ...REGULAR, lifecycle: "fixed-term" },
  { ...REGULAR, email: "private-only" },
  { ...REGULAR, email: "none" },
  { ...REGULAR, manager: "external" },
  { ...REGULAR, futureChange: true, history: true },
  { ...REGULAR, duplicateContractId: true },
];

export function traitsFor(indexInCompany: number, random: Random): EmployeeTraits {
  const forced = FORCED_TRAITS[indexInCompany];
  if (forced) return forced;
  return {
    lifecycle: drawLifecycle(random.next()),
    email: random.chance(0.01) ? "none" : random.chance(0.08) ? "private-only" : "work",
    history: random.chance(0.4),
    futureChange: random.chance(0.05),
    manager: random.chance(0.1) ? "none" : random.chance(0.05) ? "external" : "colleague",
    duplicateContractId: random.chance(0.02),
  };
}

function drawLifecycle(draw: number): EmployeeTraits["lifecycle"] {
  if (draw < 0.03) return "future-starter";
  if (draw < 0.08) return "recent-leaver";
  if (draw < 0.13) return "long-ago-leaver";
  if (draw < 0.16) return "rehire";
  if (draw < 0.3) return "fixed-term";
  return "regular";
}
