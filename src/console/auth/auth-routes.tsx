import { Hono, type Context } from "hono";
import { deleteCookie } from "hono/cookie";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import * as v from "valibot";
import { recordAudit } from "../../audit/audit-store.js";
import type { ConsoleDeps, ConsoleEnv } from "../deps.js";
import { CsrfField, renderPage } from "../views/layout.js";
import { Input, Notice, type FieldErrors } from "../views/components.js";
import type { Messages } from "../i18n/messages.js";
import { requestMessages } from "../i18n/use-language.js";
import { createFirstAdmin, foldUsername, hasAdmin, recordLogin, verifyAdmin } from "../../admins/admin-store.js";
import type { LoginThrottle } from "../../admins/login-throttle.js";
import { throttleAddress } from "../../admins/throttle-address.js";
import { passwordProblem } from "./password-rule.js";
import { safeNext, SESSION_COOKIE, setConsoleCookie } from "./session-middleware.js";
import type { SessionStore } from "../../admins/session-store.js";

/** The setup form's user name rule, with its messages in the page's language. */
function usernameSchema(t: Messages) {
  return v.pipe(
    v.string(),
    v.trim(),
    v.minLength(1, t.auth.userNameMissing),
    v.maxLength(64, t.auth.userNameTooLong),
    v.regex(/^[\p{L}\p{N}._@-]+$/u, t.auth.userNameCharacters),
  );
}

/** First-run setup, login and logout. */
export function authRoutes(deps: ConsoleDeps, sessions: SessionStore, throttle: LoginThrottle): Hono<ConsoleEnv> {
  const { db, clock, origin, signInAudit } = deps;
  const app = new Hono<ConsoleEnv>();
  const audit = (
    c: Context,
    action: Parameters<typeof recordAudit>[1]["action"],
    actor: string | null,
    detail?: string,
  ) => recordAudit(db.sqlite, { action, actor, address: origin.clientAddress(c), detail: detail ?? null }, clock());

  const startSession = (c: Context<ConsoleEnv>, admin: { id: number; username: string }) => {
    const id = sessions.create(admin, origin.clientAddress(c), clock());
    setConsoleCookie(c, origin, SESSION_COOKIE, id);
  };

  app.get("/setup", (c) => (hasAdmin(db.sqlite) ? c.redirect("/login", 303) : setupPage(c, {}, "")));

  app.post("/setup", async (c) => {
    const t = requestMessages(c);
    if (hasAdmin(db.sqlite)) return c.text(t.auth.alreadySetUp, 409);
    const body = await c.req.parseBody();
    const username = String(body.username ?? "");
    const password = String(body.password ?? "");
    const errors: Record<string, string> = {};
    const name = v.safeParse(usernameSchema(t), username);
    if (!name.success) errors.username = name.issues[0].message;
    const weak = passwordProblem(password, username);
    if (weak) errors.password = t.password.problem(weak);
    else if (password !== String(body.confirm ?? "")) errors.confirm = t.auth.passwordsDiffer;
    if (Object.keys(errors).length > 0 || !name.success) return setupPage(c, errors, username, 422);
    const admin = await createFirstAdmin(db.sqlite, name.output, password, clock().toISOString());
    if (!admin) return c.text(t.auth.alreadySetUp, 409);
    audit(c, "setup", admin.username, "first admin created");
    // Setup signs in, so its address is known for the account like after any successful sign-in.
    throttle.record(origin.clientAddress(c), foldUsername(admin.username), true, clock());
    deps.logger.info({ admin: admin.username }, "console: first admin created");
    startSession(c, admin);
    return c.redirect("/", 303);
  });

  app.get("/login", (c) => {
    if (!hasAdmin(db.sqlite)) return c.redirect("/setup", 303);
    if (c.get("admin")) return c.redirect(safeNext(c.req.query("next")), 303);
    return loginPage(c, "", null);
  });

  app.post("/login", async (c) => {
    const body = await c.req.parseBody();
    const username = String(body.username ?? "").slice(0, 200);
    const password = String(body.password ?? "").slice(0, 1024);
    const next = safeNext(typeof body.next === "string" ? body.next : undefined);
    const address = origin.clientAddress(c);
    const account = foldUsername(username);
    const now = clock();
    signInAudit.flush(now);
    const refusal = throttle.refusal(address, account, now);
    if (refusal) {
      deps.countLogin("throttled");
      signInAudit.refused(
        throttleAddress(address),
        refusal.scope === "account" ? account : null,
        username || null,
        now,
      );
      const seconds = Math.ceil((refusal.until.getTime() - now.getTime()) / 1000);
      const minutes = Math.max(1, Math.ceil(seconds / 60));
      c.header("Retry-After", String(seconds));
      return loginPage(c, username, requestMessages(c).auth.tooManyAttempts(minutes), 429, next);
    }
    const admin = await verifyAdmin(db.sqlite, username, password);
    throttle.record(address, account, admin !== null, now);
    deps.countLogin(admin ? "succeeded" : "failed");
    if (!admin) {
      if (signInAudit.failed(now)) {
        audit(c, "login_failed", username || null);
        deps.logger.warn({ address }, "console: failed login");
      }
      return loginPage(c, username, requestMessages(c).auth.wrongCredentials, 401, next);
    }
    recordLogin(db.sqlite, admin.id, now.toISOString());
    sessions.purgeExpired(now);
    throttle.purge(now);
    audit(c, "login", admin.username);
    startSession(c, admin);
    return c.redirect(next, 303);
  });

  app.post("/logout", (c) => {
    const idHash = c.get("sessionIdHash");
    const admin = c.get("admin");
    if (idHash) sessions.end(idHash);
    if (admin) audit(c, "logout", admin.username);
    deleteCookie(c, SESSION_COOKIE, { path: "/", secure: origin.isHttps(c), httpOnly: true, sameSite: "Strict" });
    return c.redirect("/login", 303);
  });

  return app;
}

function setupPage(c: Context<ConsoleEnv>, errors: FieldErrors, username: string, status: ContentfulStatusCode = 200) {
  const t = requestMessages(c);
  return renderPage(
    c,
    {
      title: t.auth.setupTitle,
      section: null,
      children: (
        <section class="card narrow">
          <p>{t.auth.setupWelcome}</p>
          <form method="post" action="/setup" class="stack">
            <CsrfField token={c.get("csrfToken")} />
            <Input
              name="username"
              label={t.auth.userName}
              value={username}
              errors={errors}
              required
              autocomplete="username"
            />
            <Input
              name="password"
              label={t.auth.password}
              type="password"
              errors={errors}
              required
              autocomplete="new-password"
              hint={t.password.rule}
            />
            <Input
              name="confirm"
              label={t.auth.passwordAgain}
              type="password"
              errors={errors}
              required
              autocomplete="new-password"
            />
            <button type="submit" class="button button-primary">
              {t.auth.createAdmin}
            </button>
          </form>
        </section>
      ),
    },
    status,
  );
}

function loginPage(
  c: Context<ConsoleEnv>,
  username: string,
  problem: string | null,
  status: ContentfulStatusCode = 200,
  next?: string,
) {
  const t = requestMessages(c);
  return renderPage(
    c,
    {
      title: t.auth.signInTitle,
      section: null,
      children: (
        <section class="card narrow">
          {problem ? (
            <Notice tone="bad" role="alert">
              {problem}
            </Notice>
          ) : null}
          <form method="post" action="/login" class="stack">
            <CsrfField token={c.get("csrfToken")} />
            <input type="hidden" name="next" value={next ?? safeNext(c.req.query("next"))} />
            <Input name="username" label={t.auth.userName} value={username} required autocomplete="username" />
            <Input name="password" label={t.auth.password} type="password" required autocomplete="current-password" />
            <button type="submit" class="button button-primary">
              {t.auth.signIn}
            </button>
          </form>
        </section>
      ),
    },
    status,
  );
}
