import type { AuthorizeRequest } from "./oauth-state.js";

/**
 * Loket's sign-in page as an app's consent starts it: user name and password (TOTP is left out), then back to the
 * app with a code. "Cancel" sends the browser back with `error=access_denied`. The checked request travels in hidden
 * fields, so nothing is kept between the two steps.
 */
export function loginPage(request: AuthorizeRequest, failed: boolean): string {
  const hidden = Object.entries({
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    state: request.state,
  })
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
    .join("");
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Loket (simulator): log in</title></head><body>` +
    `<main><h1>Log in to Loket</h1><p>The application <strong>${escapeHtml(request.clientId)}</strong> asks for access to the employers you can see in Loket.</p>` +
    (failed ? `<p role="alert">Unknown user name or wrong password.</p>` : "") +
    `<form method="post" action="authorize">${hidden}` +
    `<label>User name <input name="username" autocomplete="username"></label> ` +
    `<label>Password <input name="password" type="password" autocomplete="current-password"></label> ` +
    `<button type="submit" name="decision" value="login">Log in</button> <button type="submit" name="decision" value="cancel">Cancel</button></form>` +
    `<p>It will be sent back to <code>${escapeHtml(request.redirectUri)}</code>.</p></main></body></html>`
  );
}

export function errorPage(error: string, description: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Loket (simulator): error</title></head><body><main><h1>${escapeHtml(error)}</h1><p>${escapeHtml(description)}</p></main></body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (special) => `&#${special.charCodeAt(0)};`);
}
