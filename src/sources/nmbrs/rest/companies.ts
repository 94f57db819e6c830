import type { Logger } from "../../../logging/logger.js";
import type { HrCompany } from "../../types.js";
import { NmbrsFault } from "../nmbrs-fault.js";
import { API_SCOPES } from "./oauth-client.js";
import type { RestCaller } from "./rest-client.js";
import { MULTI_DEBTOR } from "./problems.js";
import { readDebtorId } from "./readers.js";

/**
 * Every company the consenting Nmbrs user may see. `GET /api/companies` serves a user with one debtor; for a user
 * with several (an accountant, a payroll bureau) Nmbrs refuses it with `ForbiddenMultiDebtor.` and the companies
 * are listed per debtor instead, as brynq's SDK does (docs/nmbrs-rest-api.md §3). `readItem` reads one company item
 * of either list (the source also notes each company's payroll period type from it).
 */
export async function listRestCompanies(
  rest: RestCaller,
  readItem: (item: unknown) => HrCompany,
  logger: Logger | undefined,
  signal?: AbortSignal,
): Promise<HrCompany[]> {
  const scope = API_SCOPES.companies;
  const withSignal = signal ? { signal } : {};
  try {
    return await rest.list({ operation: "GET /api/companies", path: "/api/companies", scope, ...withSignal }, readItem);
  } catch (error) {
    if (!(error instanceof NmbrsFault) || error.code !== MULTI_DEBTOR) throw error;
  }
  const debtorIds = await rest.list(
    { operation: "GET /api/debtors", path: "/api/debtors", scope, ...withSignal },
    readDebtorId,
  );
  logger?.info(
    { debtors: debtorIds.length },
    "the connected nmbrs user has several debtors: listing companies per debtor",
  );
  const companies: HrCompany[] = [];
  for (const debtorId of debtorIds) {
    const call = {
      operation: "GET /api/debtors/{debtorId}/companies",
      path: `/api/debtors/${encodeURIComponent(debtorId)}/companies`,
      scope,
      ...withSignal,
    };
    companies.push(...(await rest.list(call, readItem)));
  }
  return companies;
}
