import type { ConnectorConfig } from "../../config/types.js";
import type { Logger } from "../../logging/logger.js";
import { SourceError, type HrCompany, type HrSource } from "../../sources/types.js";
import { Notice } from "../views/components.js";
import { CompanyChoices } from "./connector-form-view.js";

const TEST_TIMEOUT_MS = 30_000;

export type ConnectionTestResult = { readonly companies: HrCompany[] } | { readonly problem: string };

/** Calls listCompanies() with the typed credentials; the answer is the companies, or why it failed (admin words). */
export async function testConnection(
  source: HrSource,
  config: ConnectorConfig,
  logger: Logger,
): Promise<ConnectionTestResult> {
  try {
    const companies = await source.listCompanies(AbortSignal.timeout(TEST_TIMEOUT_MS));
    return { companies };
  } catch (error) {
    if (error instanceof SourceError) return { problem: error.message };
    if ((error as Error).name === "TimeoutError")
      return { problem: `Nmbrs did not answer within ${TEST_TIMEOUT_MS / 1000} seconds.` };
    // Anything else is our bug or an unexpected answer; its text could quote a request, so it goes to the log only.
    logger.warn(
      { connector: config.settings.id, err: (error as Error).message },
      "console: connection test failed unexpectedly",
    );
    return { problem: "The test failed unexpectedly; the details are in the log." };
  }
}

export function ConnectionTestView(props: {
  result: ConnectionTestResult | { readonly invalid: Readonly<Record<string, string>> };
  selected: readonly string[];
}) {
  const { result } = props;
  if ("invalid" in result) {
    return (
      <>
        <Notice tone="bad" role="alert" title="Fill in the credentials first">
          <ul>
            {Object.entries(result.invalid).map(([field, message]) => (
              <li>
                <code>{field}</code>: {message}
              </li>
            ))}
          </ul>
        </Notice>
        <CompanyChoices companies={null} selected={props.selected} />
      </>
    );
  }
  if ("problem" in result) {
    return (
      <>
        <Notice tone="bad" role="alert" title="Connection failed">
          <p>{result.problem}</p>
        </Notice>
        <CompanyChoices companies={null} selected={props.selected} />
      </>
    );
  }
  return (
    <>
      <Notice
        tone="ok"
        role="status"
        title={`Connected: ${result.companies.length} ${result.companies.length === 1 ? "company" : "companies"} found`}
      >
        <p>Select the companies to read, or none for all of them.</p>
      </Notice>
      <CompanyChoices companies={result.companies} selected={props.selected} />
    </>
  );
}
