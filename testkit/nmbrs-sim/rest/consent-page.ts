import type { AuthorizeRequest } from "./oauth-server.js";

const SCOPE_TEXT: Record<string, string> = {
  "company.info.read": "Read company information",
  "employee.info.read": "Read employees' personal information",
  "employee.employment.read": "Read employments and contracts",
  "employee.orgstructure.read": "Read functions, departments, cost centers and managers",
  "employee.payment.read": "Read payment information",
  "user.info": "Know who you are",
  offline_access: "Keep access when you are not signed in (refresh tokens)",
};

/**
 * The page an Nmbrs user sees when an app asks for access: who asks, for what, Allow or Deny. The simulated user is
 * always signed in. The form posts the checked request back, so nothing is kept between the two steps.
 */
export function consentPage(request: AuthorizeRequest): string {
  const hidden = Object.entries({
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    scope: request.scope,
    state: request.state,
    code_challenge: request.codeChallenge,
    code_challenge_method: "S256",
  })
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
    .join("");
  const scopes = request.scope
    .split(" ")
    .filter(Boolean)
    .map((scope) => `<li><code>${escapeHtml(scope)}</code> ${escapeHtml(SCOPE_TEXT[scope] ?? "")}</li>`)
    .join("");
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Nmbrs (simulator): allow access?</title></head><body>` +
    `<main><h1>Allow access to Nmbrs?</h1><p>The application <strong>${escapeHtml(request.clientId)}</strong> asks for access to your Nmbrs environment:</p>` +
    `<ul>${scopes}</ul><p>It will be sent back to <code>${escapeHtml(request.redirectUri)}</code>.</p>` +
    `<form method="post" action="/connect/authorize/consent">${hidden}` +
    `<button type="submit" name="decision" value="allow">Allow</button> <button type="submit" name="decision" value="deny">Deny</button></form></main></body></html>`
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (special) => `&#${special.charCodeAt(0)};`);
}
