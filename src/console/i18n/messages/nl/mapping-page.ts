import { formatCount } from "../../../views/format.js";
import type { MappingPageMessages } from "../en/mapping-page.js";

/** Dutch: the Mapping page of a connector. */
export const mapping: MappingPageMessages = {
  logins: {
    title: "Inloggen",
    userNameFrom: "Okta-gebruikersnaam uit (identity.user_name_from)",
    generatedDomain: "Gegenereerde gebruikersnamen op (identity.generated_domain)",
    generatedFormat: "Opbouw (identity.generated_format)",
    builtInFormat:
      "Ingebouwd: roepnaam, anders voornaam, een punt, dan tussenvoegsel en achternaam; zonder accenten, spaties, apostroffen of koppeltekens, in kleine letters (Zoë van der Berg → zoe.vanderberg)",
    generatedCount: "Tot nu toe gegenereerde gebruikersnamen (nooit opnieuw uitgegeven)",
    notGenerated: 'Niet in gebruik: "generated" staat niet in identity.user_name_from',
    excluded: (count: number) =>
      count === 1
        ? "1 persoon uitgesloten van de synchronisatie van deze koppeling"
        : `${count} personen uitgesloten van de synchronisatie van deze koppeling`,
  },
  link: "Mapping",
  title: (name: string) => `Mapping van ${name}`,
  intro:
    "Wat Okta per attribuut krijgt. Een expressie in CEL (docs/mapping.md) vervangt de ingebouwde waarde; een leeg veld houdt die. Opgeslagen wijzigingen gelden vanaf de volgende synchronisatie.",
  fileNote:
    "Vastgelegd in config.toml: hier alleen te bekijken. Wijzig [connectors.mapping], [connectors.scope] en [[connectors.groups.rules]] in het bestand en herstart de gateway.",
  attributes: "Attributen",
  columns: { attribute: "Attribuut", builtIn: "Ingebouwde bron", expression: "Expressie" },
  custom: "Eigen attributen",
  customHint:
    "Geleverd in de hrgateway-extensie onder hun eigen naam; voeg ze toe in Okta's Profile Editor (de pagina Okta instellen noemt ze).",
  customName: "Naam",
  scope: "Bereik",
  scopeLabel: "Geleverd als",
  scopeHint:
    "Een voorwaarde. Wie er niet aan voldoet, wordt helemaal niet geleverd, alsof HR diegene niet noemt. Leeg: iedereen.",
  rules: "Groepsregels",
  rulesHint:
    "Een groep van iedereen voor wie de voorwaarde waar is, geleverd naast de HR-groepen. De naam is de identiteit van de groep.",
  ruleName: "Groepsnaam",
  ruleWhen: "Lid als",
  save: "Mapping opslaan",
  savedTitle: "Mapping opgeslagen",
  saved: "De volgende synchronisatie past hem toe. Bekijk eerst wat dat voor iedereen verandert:",
  notSaved: "Niet opgeslagen: verbeter de gemarkeerde expressies. Er is niets gewijzigd.",
  valid: "Geldige expressie",
  problemAt: (problem: { message: string; line: number; column: number }) =>
    `${problem.message} (regel ${problem.line}, kolom ${problem.column})`,
  alreadyMapped: "staat hierboven al",
  tryIt: "Uitproberen",
  tryHint:
    "Kies iemand uit de HR-lijst: de waarden met de ingebouwde mapping en met de expressies in dit formulier. Er wordt niets opgeslagen.",
  tryPerson: "Personeelsnummer of naam",
  tryButton: "Probeer",
  tryNobody: (query: string) => `Niemand in de HR-lijst past bij "${query}".`,
  tryMany: (count: number) =>
    `${formatCount(count, "nl")} personen passen; je ziet de eerste. Typ een personeelsnummer om een ander te kiezen.`,
  tryFixFirst: "Verbeter eerst de gemarkeerde expressies in het formulier.",
  tryNoRecord: "Het HR-record van deze persoon is nog niet bewaard: synchroniseer eerst.",
  tryFailed: (error: string) =>
    `De expressies falen voor deze persoon (de synchronisatie zou diegene tegenhouden): ${error}`,
  tryOutOfScope: "Buiten het bereik: deze persoon zou niet geleverd worden.",
  tryColumns: { attribute: "Attribuut", before: "Ingebouwd", after: "Met deze mapping" },
  tryGroups: "Regelgroepen",
  tryNoGroups: "geen",
  leftOut: "(weggelaten)",
  customSource: "eigen attribuut",
};
