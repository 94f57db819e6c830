import { formatCount } from "../../../views/format.js";
import type { SharedMessages } from "../en/shared.js";

/** Dutch: bits several pages share. */
export const shared: SharedMessages = {
  rowsShown: (shown: number, total: number, what: string) =>
    `De eerste ${formatCount(shown, "nl")} van ${formatCount(total, "nl")} ${what} worden getoond;`,
  secretStored: "•••• opgeslagen",
  secretKeep: "•••• opgeslagen; laat leeg om te bewaren.",
  personStates: {
    pending: "wachtend",
    active: "actief",
    inactive: "inactief",
    removed: "verwijderd",
    problem: "probleem",
  },
  csrfRefused: "Dit formulier is verlopen of kwam niet uit de console. Laad de pagina opnieuw en probeer het nog eens.",
  cancel: "Annuleren",
};
