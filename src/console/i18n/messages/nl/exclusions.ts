import type { ExclusionMessages } from "../en/exclusions.js";

/** Dutch: excluded people. */
export const exclusions: ExclusionMessages = {
  title: "Uitgesloten personen",
  lead: "Deze personen staan vast zoals Okta ze nu ziet: geen wijziging en geen deactivering bereikt Okta, wat HR ook zegt, tot ze weer worden meegenomen. Hun wijzigingen worden dan bij de volgende synchronisatie doorgevoerd.",
  none: "Er is niemand uitgesloten.",
  allConnectors: "Alle koppelingen",
  connector: "Koppeling",
  person: "Persoon",
  since: "Sinds",
  by: "Door",
  reason: "Reden",
  include: "Weer meenemen",
  exclude: "Uitsluiten van synchronisatie",
  excludeHelp:
    "Zet deze persoon vast zoals Okta hem of haar nu ziet (geen wijzigingen, geen deactivering) tot de persoon weer wordt meegenomen.",
  excludedSince: (by: string) =>
    `Uitgesloten van synchronisatie door ${by}; Okta ziet deze persoon precies zoals bij het uitsluiten.`,
  reasonRequired: "Geef een reden voor het uitsluiten.",
  notChanged: "Er is niets gewijzigd",
  listLink: "Uitgesloten personen",
};
