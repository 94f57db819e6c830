import { formatCount } from "../../../views/format.js";
import type { HoldPageMessages } from "../en/hold-pages.js";

const holds = (n: number) =>
  `${formatCount(n, "nl")} ${n === 1 ? "tegengehouden wijziging" : "tegengehouden wijzigingen"}`;

/** Dutch: the page of tegengehouden wijzigingen, its sections and the confirmation page. */
export const holdPages: HoldPageMessages = {
  title: (connector: string) => `Tegengehouden · ${connector}`,
  holds: "Tegengehouden",
  approvedTitle: (n: number) => `${holds(n)} goedgekeurd`,
  approvedText: "Er is een synchronisatie gestart die ze doorvoert;",
  followIt: "volg haar onder Synchronisaties",
  approvedAfter: ". Okta ziet de wijziging bij de volgende import.",
  rejectedTitle: (n: number) => `${holds(n)} afgewezen`,
  rejectedText:
    "Deze personen blijven zoals Okta ze nu ziet, en volgende runs vragen het pas opnieuw als hun HR-gegevens veranderen.",
  nobodyHeld: "Niemand wordt tegengehouden: elke wijziging van de laatste run is doorgevoerd.",
  nothingDecided: "Niets besloten",
  noLongerWaiting: "Geen van deze wijzigingen wacht nog op deze beslissing.",
  tickSomeone: "Vink minstens één persoon aan, of gebruik een knop voor allemaal.",
  kinds: {
    brake: {
      badge: "rem",
      title: "Deactiveringen tegengehouden door de rem",
      approveMeans:
        "Goedkeuren voert de deactivering of verwijdering door in een synchronisatie die meteen start; Okta volgt bij de volgende import.",
    },
    email_domain: {
      badge: "e-maildomein",
      title: "E-mailadres naar een ander domein verhuisd",
      approveMeans:
        "Goedkeuren levert het nieuwe adres als userName van de persoon (Okta hernoemt het account bij de volgende import).",
    },
    emptied: {
      badge: "leeggemaakt",
      title: "Bewaakt attribuut werd leeg",
      approveMeans: "Goedkeuren levert de persoon zonder het leeggemaakte attribuut.",
    },
    no_email: {
      badge: "geen e-mail",
      title: "Geen bruikbaar e-mailadres",
      approveMeans:
        "Okta kan geen gebruiker zonder e-mailadres hebben: goedkeuren deactiveert het account tot HR een adres invult.",
    },
    no_name: {
      badge: "geen naam",
      title: "Voor- of achternaam ontbreekt",
      approveMeans:
        "Okta kan geen gebruiker zonder naam hebben: goedkeuren deactiveert het account tot HR de naam verbetert.",
    },
    conflict: {
      badge: "conflict",
      title: "userName ook door iemand anders geclaimd",
      approveMeans:
        "Goedkeuren deactiveert dit account (anders zou Okta de twee personen samenvoegen); verbeter het adres in HR om het weer te leveren.",
    },
    mapping: {
      badge: "mapping",
      title: "Een mapping-expressie faalde voor deze persoon",
      approveMeans:
        "Goedkeuren deactiveert dit account tot de expressie of de HR-gegevens verbeterd zijn (docs/mapping.md).",
    },
  },
  statuses: { pending: "wacht", approved: "goedgekeurd", rejected: "afgewezen" },
  rejectingKeeps: "Afwijzen laat de persoon zoals Okta hem nu ziet.",
  holdsWhat: "tegengehouden wijzigingen",
  buttonsDecideAll: "de knoppen per bedrijf en voor allemaal beslissen over elke wijziging.",
  selectAll: (n: number) => `Alle ${formatCount(n, "nl")} wachtende selecteren`,
  select: (name: string) => `${name} selecteren`,
  columns: {
    employeeNumber: "Personeelsnr.",
    person: "Persoon",
    company: "Bedrijf",
    why: "Waarom",
    since: "Tegengehouden sinds",
    decision: "Beslissing",
  },
  approveSelected: "Selectie goedkeuren…",
  rejectSelected: "Selectie afwijzen…",
  company: (number: string) => `bedrijf ${number}`,
  whyBrake: "Waarom de rem is aangesproken",
  run: (id: number) => `Run #${id}`,
  brakeUnrecorded: " hield deze deactiveringen tegen (vastgelegd voordat runs de cijfers van de rem bewaarden).",
  halfEmpty:
    "Een bron die half leeg antwoordt, lijkt precies op een golf uitdiensttredingen: controleer de personen met HR voordat je goedkeurt.",
  perCompany: "Tegengehouden per bedrijf",
  companyColumns: { company: "Bedrijf", number: "Nummer", held: "Tegengehouden" },
  ofCompany: (company: string) => `van ${company}`,
  ofEveryCompany: "van elk bedrijf",
  approveAllOf: (what: string) => `Alles ${what} goedkeuren`,
  rejectAllOf: (what: string) => `Alles ${what} afwijzen`,
  approveAll: "Alles goedkeuren…",
  rejectAll: "Alles afwijzen…",
  confirm: {
    approveTitle: (n: number) => `${holds(n)} goedkeuren?`,
    rejectTitle: (n: number) => `${holds(n)} afwijzen?`,
    changedTitle: "De tegengehouden wijzigingen zijn veranderd",
    changedText: (confirmed: number, now: number) =>
      `Je bevestigde ${holds(confirmed)}; nu passen er ${formatCount(now, "nl")} (een run of een andere beheerder heeft ze veranderd). Er is niets besloten: bekijk de lijst opnieuw.`,
    rejectText:
      "Afwijzen laat deze personen zoals Okta ze nu ziet; volgende runs vragen het pas opnieuw als hun HR-gegevens veranderen.",
    people: "personen",
    coversAll: (n: number) => `de beslissing geldt voor alle ${formatCount(n, "nl")}.`,
    toApprove: "Goed te keuren personen",
    toReject: "Af te wijzen personen",
    approveButton: (n: number) => `Ja, ${holds(n)} goedkeuren`,
    rejectButton: (n: number) => `Ja, ${holds(n)} afwijzen`,
    cancel: "Annuleren",
  },
};
