import { formatCount } from "../../../views/format.js";
import type { GroupMessages } from "../en/groups.js";

/** Dutch: group budgets and the Okta group rules. */
export const groups: GroupMessages = {
  overBudgetTitle: "Groepen te groot voor de groepsimport van Okta",
  groupOver: (name: string, members: number, budget: number) =>
    `${name}: ${formatCount(members, "nl")} leden (budget ${formatCount(budget, "nl")})`,
  pageOver: (startIndex: number, megabytes: string, budget: string, largest: string) =>
    `/Groups-pagina vanaf ${formatCount(startIndex, "nl")}: ${megabytes} MB (budget ${budget} MB); grootste: ${largest}`,
  overBudgetAdvice:
    "Ze worden nog steeds volledig geleverd: de gateway laat nooit groepen weg. Okta leest elke /Groups-pagina van 100 groepen met alle leden erin en geeft het na 60 seconden op. Bouw deze groepen liever met groepsregels in Okta en lever daarna dit soort groepen niet meer.",
  rulesLink: "Okta-groepsregels voor deze koppeling",
  rulesTitle: "Groepsregels in Okta",
  rulesIntro:
    "Geïmporteerde groepen komen van deze koppeling: Okta maakt er app-groepen van, neemt hun leden over bij elke import, en in Okta zijn ze niet te wijzigen. Een groepsregel in Okta bouwt dezelfde groep in Okta zelf op uit een attribuut van de gebruiker, zodat er bij de import helemaal geen leden meekomen. Gebruik groepsregels voor grote groepen die uit een attribuut volgen (afdeling, bedrijf, functie); houd geïmporteerde groepen voor kleine, zorgvuldig samengestelde groepen.",
  rulesHowTo:
    'In Okta: Directory → Groups → Rules → Add rule. Plak de expressie bij "Use Okta Expression Language" en wijs de regel toe aan een groep met de getoonde naam. De expressie leest het attribuut van het Okta-gebruikersprofiel dat stap 6 vanuit deze app vult.',
  kindNames: {
    department: "Afdeling",
    company: "Bedrijf",
    function: "Functie",
    employee_type: "Soort medewerker",
    cost_center: "Kostenplaats",
  },
  rulesColumns: ["Soort", "Groep", "Expressie", "Gebruikers nu"],
  ruleCopyLabel: (group: string) => `expressie van ${group}`,
  noKinds: "Deze koppeling levert geen groepen die uit een attribuut volgen.",
  noValues: "Geen enkele geleverde gebruiker heeft nu een waarde voor deze soort.",
  exportRules: "Alle regels downloaden (JSON)",
  switchTitle: "Een soort groepen overzetten van import naar Okta-regels",
  switchSteps: [
    "Maak de regels hierboven in Okta, elk toegewezen aan een nieuwe Okta-groep, en laat Okta ze vullen; controleer de leden.",
    "Laat alles wat de geïmporteerde groepen gebruikte (app-toewijzingen, beleid) naar de nieuwe Okta-groepen wijzen.",
    "Zet de soort uit onder Groepen in de instellingen van deze koppeling en maak een voorbeeld van de volgende run: het onderdeel Groepen toont de groepen die zouden verdwijnen. Okta verwijdert die groepen en hun lidmaatschappen bij de volgende import.",
    "Synchroniseer pas als het voorbeeld alleen de overgezette groepen toont.",
  ],
  editSettings: "Instellingen van de koppeling",
  previewRun: "Voorbeeld van een run",
};
