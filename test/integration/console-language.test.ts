import { afterEach, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../e2e/harness.js";
import { ConsoleClient } from "../support/console-client.js";
import { useTempDir } from "../support/temp-dir.js";

const tempDir = useTempDir("hrgw-language-");
const gateways: TestGateway[] = [];
afterEach(async () => {
  for (const gateway of gateways.splice(0)) await gateway.close();
});

async function gateway() {
  const started = await startTestGateway({ dir: tempDir() });
  gateways.push(started);
  return started;
}

const DUTCH = { "accept-language": "nl-NL,nl;q=0.9,en;q=0.8" };
const ENGLISH = { "accept-language": "en-GB,en;q=0.9" };
const storedLanguage = (gw: TestGateway) => gw.db.sqlite.prepare("SELECT language FROM admins").pluck().get();

describe("the console's language", () => {
  it("speaks Dutch to a browser that asks for it: login page, its error, and the dashboard", async () => {
    const gw = await gateway();
    await new ConsoleClient(gw.url).setup();
    const client = new ConsoleClient(gw.url);

    const login = await client.get("/login", { "accept-language": "nl-BE" });
    expect(login.text).toContain('<html lang="nl">');
    expect(login.text).toContain("<h1>Inloggen</h1>");
    const refused = await client.post("/login", { username: "admin", password: "wrong password!" }, { headers: DUTCH });
    expect(refused.status).toBe(401);
    expect(refused.text).toContain("De gebruikersnaam of het wachtwoord klopt niet.");

    await client.post("/login", { username: "admin", password: "correct horse battery staple" }, { headers: DUTCH });
    const dashboard = await client.get("/", DUTCH);
    expect(dashboard.text).toContain('<html lang="nl">');
    expect(dashboard.text).toContain("Nog geen koppelingen");
    expect(dashboard.text).toContain(">Koppelingen</a>");
    expect(dashboard.text).toContain("Uitloggen");
    expect(dashboard.text).not.toContain("No connectors yet");

    const english = await client.get("/", ENGLISH);
    expect(english.text).toContain('<html lang="en">');
    expect(english.text).toContain("No connectors yet");
  });

  it("writes the setup page's password rule and errors in Dutch", async () => {
    const gw = await gateway();
    const client = new ConsoleClient(gw.url);
    await client.get("/setup", DUTCH);
    const refused = await client.post(
      "/setup",
      { username: "beheer", password: "kort", confirm: "kort" },
      { headers: DUTCH },
    );
    expect(refused.status).toBe(422);
    expect(refused.text).toContain("Gebruik minstens 12 tekens (dit wachtwoord heeft er 4).");
    expect(refused.text).toContain("Minstens 12 tekens en niet makkelijk te raden");
  });

  it("lets the admin's choice win over the browser's, and keeps it across logins and browsers", async () => {
    const gw = await gateway();
    const first = new ConsoleClient(gw.url);
    await first.setup();
    expect(storedLanguage(gw)).toBeNull();

    await first.get("/", DUTCH);
    const switched = await first.post("/language", { language: "en", next: "/?from=switch" }, { headers: DUTCH });
    expect(switched.status).toBe(303);
    expect(switched.location).toBe("/?from=switch");
    expect(storedLanguage(gw)).toBe("en");
    expect((await first.get("/", DUTCH)).text).toContain("No connectors yet");
    await first.post("/logout", {}, { headers: DUTCH });

    // Another browser, Dutch, no cookie of the first: the stored choice follows the admin once signed in.
    const second = new ConsoleClient(gw.url);
    expect((await second.get("/login", DUTCH)).text).toContain("<h1>Inloggen</h1>");
    await second.post("/login", { username: "admin", password: "correct horse battery staple" }, { headers: DUTCH });
    const dashboard = await second.get("/", DUTCH);
    expect(dashboard.text).toContain('<html lang="en">');
    expect(dashboard.text).toContain("No connectors yet");

    await second.post("/language", { language: "nl", next: "/" }, { headers: ENGLISH });
    expect(storedLanguage(gw)).toBe("nl");
    expect((await second.get("/", ENGLISH)).text).toContain("Nog geen koppelingen");
  });

  it("keeps a choice made on the login page for that browser, before anyone signs in", async () => {
    const gw = await gateway();
    await new ConsoleClient(gw.url).setup();
    const client = new ConsoleClient(gw.url);
    await client.get("/login", ENGLISH);
    const switched = await client.post("/language", { language: "nl", next: "/login" }, { headers: ENGLISH });
    expect(switched.location).toBe("/login");
    expect((await client.get("/login", ENGLISH)).text).toContain("<h1>Inloggen</h1>");
    expect(storedLanguage(gw)).toBeNull();
  });

  it("refuses a switch without the form's token, to another site, or to a language it does not have", async () => {
    const gw = await gateway();
    const client = new ConsoleClient(gw.url);
    await client.setup();
    await client.get("/");
    expect((await client.post("/language", { language: "nl" }, { csrf: null })).status).toBe(403);
    const unknown = await client.post("/language", { language: "de" });
    expect(unknown.status).toBe(400);
    expect(unknown.text).toContain("en, nl");
    expect(storedLanguage(gw)).toBeNull();
    const offsite = await client.post("/language", { language: "nl", next: "//evil.example/" });
    expect(offsite.location).toBe("/");
  });

  it("lists connectors in Dutch, with the table's hidden column name too", async () => {
    const gw = await gateway();
    const client = new ConsoleClient(gw.url);
    await client.setup();
    await client.get("/connectors/new", DUTCH);
    const created = await client.post(
      "/connectors",
      {
        id: "acme",
        name: "Acme",
        kind: "nmbrs-soap",
        "nmbrs.username": "api@acme.nl",
        "nmbrs.token": "t0ken-acme",
        "nmbrs.domain": "acme",
        days_before: "14",
        days_after: "7",
        retention_days: "90",
        max_deactivation_percent: "10",
        schedule: "15 * * * *",
        timezone: "Europe/Amsterdam",
        "groups.kinds": ["department", "company"],
      },
      { headers: DUTCH },
    );
    expect(created.status, created.text.slice(0, 2000)).toBe(303);
    const list = await client.get("/connectors", DUTCH);
    for (const text of [
      "<h1>Koppelingen</h1>",
      ">HR-systeem</th>",
      ">Vastgelegd in</th>",
      "Acties",
      ">Bewerken</a>",
      "Nog niet gesynchroniseerd",
    ]) {
      expect(list.text).toContain(text);
    }
    expect((await client.get("/", DUTCH)).text).toContain("Nu synchroniseren");
    // An htmx fragment (Sync now's progress slot) is rendered in the page's language too.
    const fragment = await client.get("/connectors/acme/sync/progress?since=0", { ...DUTCH, "hx-request": "true" });
    expect(fragment.text).toContain("Geen run vastgelegd.");
    // The next run, written the Dutch way: a lower-case month abbreviation ("7 dec 2026, 10:15").
    expect(list.text).toMatch(
      /<time datetime="[^"]+" title="[^"]+">\d{1,2} (jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec) \d{4}, \d{2}:\d{2}<\/time>/,
    );
  });

  it("shows the switch in the header, naming the other language in that language", async () => {
    const gw = await gateway();
    const client = new ConsoleClient(gw.url);
    await client.setup();
    const english = await client.get("/runs?connector=x", ENGLISH);
    expect(english.text).toMatch(
      /<form method="post" action="\/language"[^>]*>.*name="next" value="\/runs\?connector=x"/s,
    );
    expect(english.text).toContain('lang="nl" class="button button-quiet">Nederlands</button>');
    const dutch = await client.get("/", DUTCH);
    expect(dutch.text).toContain('lang="en" class="button button-quiet">English</button>');
  });
});
