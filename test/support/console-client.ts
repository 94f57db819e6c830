/**
 * A minimal browser for console tests: keeps cookies, does not follow redirects (tests look at them), and reads the
 * CSRF token the page carries, the way a form or htmx would send it back.
 */
export class ConsoleClient {
  readonly cookies = new Map<string, string>();
  /** Set-Cookie headers of the last response, as sent. */
  lastSetCookies: string[] = [];
  /** The CSRF token of the last HTML page fetched. */
  csrf = "";

  constructor(readonly baseUrl: string) {}

  async get(path: string, headers: Record<string, string> = {}): Promise<Page> {
    return this.request("GET", path, undefined, headers);
  }

  /** Posts a form; the page's CSRF token is added unless `csrf` says otherwise (null = none). */
  async post(
    path: string,
    form: Record<string, string | readonly string[]> = {},
    options: { csrf?: string | null; headers?: Record<string, string> } = {},
  ): Promise<Page> {
    const body = new URLSearchParams();
    const token = options.csrf === undefined ? this.csrf : options.csrf;
    if (token !== null) body.append("_csrf", token);
    for (const [key, value] of Object.entries(form)) {
      for (const item of typeof value === "string" ? [value] : value) body.append(key, item);
    }
    return this.request("POST", path, body, {
      "content-type": "application/x-www-form-urlencoded",
      ...options.headers,
    });
  }

  /** First-run setup, which also signs in. */
  async setup(username = "admin", password = "correct horse battery staple"): Promise<Page> {
    await this.get("/setup");
    return this.post("/setup", { username, password, confirm: password });
  }

  async login(username = "admin", password = "correct horse battery staple"): Promise<Page> {
    await this.get("/login");
    return this.post("/login", { username, password });
  }

  private async request(
    method: string,
    path: string,
    body: URLSearchParams | undefined,
    headers: Record<string, string>,
  ): Promise<Page> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    const response = await fetch(new URL(path, this.baseUrl), {
      method,
      body,
      redirect: "manual",
      headers: { ...(cookie ? { cookie } : {}), ...headers },
    });
    this.lastSetCookies = response.headers.getSetCookie();
    for (const header of this.lastSetCookies) {
      const [pair = ""] = header.split(";");
      const [name = "", ...rest] = pair.split("=");
      const value = rest.join("=");
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(header) || value === "") this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    const text = await response.text();
    const token = /<meta name="csrf-token" content="([^"]+)"/.exec(text)?.[1];
    if (token) this.csrf = token;
    return { status: response.status, headers: response.headers, text, location: response.headers.get("location") };
  }
}

export interface Page {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly location: string | null;
}
