import { formatCount } from "../../../views/format.js";
import type { ForecastPageMessages } from "../en/forecast-page.js";

/** Dutch: de voorspelling van Okta's volgende import. */
export const forecastPage: ForecastPageMessages = {
  title: (connector: string) => `Volgende Okta-import: ${connector}`,
  headings: {
    new: "Nieuw in Okta",
    updated: "Gewijzigd in Okta",
    deactivated: "Gedeactiveerd in Okta (als inactief geleverd)",
    reactivated: "Weer actief in Okta",
    removed: "Gedeactiveerd in Okta omdat ze niet meer geleverd worden (verwijderd)",
  },
  categories: {
    new: "nieuw",
    updated: "gewijzigd",
    deactivated: "gedeactiveerd",
    reactivated: "weer actief",
    removed: "verwijderd",
  },
  noImportTitle: "Nog geen volledige Okta-import gezien",
  noImportText:
    "De voorspelling vergelijkt wat Okta's laatste volledige Import Users las met wat nu geleverd wordt. Start eerst een import in Okta.",
  baselineGoneTitle: "Geen voorspelling tot Okta's volgende import",
  baselineGoneBefore: "Okta's laatste volledige import (",
  baselineGoneAfter:
    ") las gegevens die zijn opgeschoond voordat de gateway ze voor voorspellingen bewaarde. Na Okta's volgende import is de voorspelling er weer.",
  sinceBefore: "Sinds Okta's laatste import (",
  sinceAfter: ")",
  rest: (unchanged: number, inactive: number, scanned: number) =>
    `· ${formatCount(unchanged, "nl")} ongewijzigd · ${formatCount(inactive, "nl")} inactief, niet door Okta geïmporteerd · ${formatCount(scanned, "nl")} gebruikers in de volgende import`,
  downloadJson: "JSON downloaden (iedereen)",
  safeguardTitle: "Okta's importbeveiliging zou de volgende import stoppen",
  safeguardText: (leaving: number, assigned: number, percent: number) =>
    `De volgende import zou ${formatCount(leaving, "nl")} van de ${formatCount(assigned, "nl")} in Okta toegewezen gebruikers deactiveren (${String(percent).replace(".", ",")}%), meer dan Okta's importbeveiliging van 20% toestaat. Okta zou de import pauzeren en voor deze app niets doorvoeren tot een Okta-beheerder het oplost. Controleer de deactiveringen hieronder voordat Okta's volgende import draait.`,
  nobody: "Niemand.",
  columns: { name: "Naam", userName: "Gebruikersnaam (Okta-login)", scimId: "SCIM-id" },
  andMore: (more: number) => `en nog ${formatCount(more, "nl")}:`,
  downloadEveryone: "iedereen als JSON downloaden",
};
