import type { ConnectorConfig } from "../../config/types.js";
import type { Logger } from "../../logging/logger.js";
import { SourceError, type HrCompany, type HrSource } from "../../sources/types.js";
import { useMessages } from "../i18n/use-language.js";
import type { Messages } from "../i18n/messages.js";
import { Notice } from "../views/components.js";
import { CompanyChoices } from "./connector-form-view.js";

const TEST_TIMEOUT_MS = 30_000;

export type ConnectionTestResult = { readonly companies: HrCompany[] } | { readonly problem: string };

/**
 * Calls listCompanies() with the typed credentials; the answer is the companies, or why it failed (admin words: the
 * source's own message, as the log has it, or ours in the page's language).
 */
export async function testConnection(
  source: HrSource,
  config: ConnectorConfig,
  logger: Logger,
  t: Messages["connectorPages"]["connectionTest"],
): Promise<ConnectionTestResult> {
  try {
    const signal = AbortSignal.timeout(TEST_TIMEOUT_MS);
    const companies = await (source.testConnection ? source.testConnection(signal) : source.listCompanies(signal));
    return { companies };
  } catch (error) {
    if (error instanceof SourceError) return { problem: error.message };
    if ((error as Error).name === "TimeoutError") return { problem: t.timedOut(TEST_TIMEOUT_MS / 1000) };
    // Anything else is our bug or an unexpected answer; its text could quote a request, so it goes to the log only.
    logger.warn(
      { connector: config.settings.id, err: (error as Error).message },
      "console: connection test failed unexpectedly",
    );
    return { problem: t.unexpected };
  }
}

export function ConnectionTestView(props: {
  result: ConnectionTestResult | { readonly invalid: Readonly<Record<string, string>> };
  selected: readonly string[];
}) {
  const { result } = props;
  const t = useMessages().t.connectorPages.connectionTest;
  if ("invalid" in result) {
    return (
      <>
        <Notice tone="bad" role="alert" title={t.fillInFirst}>
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
        <Notice tone="bad" role="alert" title={t.failed}>
          <p>{result.problem}</p>
        </Notice>
        <CompanyChoices companies={null} selected={props.selected} />
      </>
    );
  }
  return (
    <>
      <Notice tone="ok" role="status" title={t.connected(result.companies.length)}>
        <p>{t.selectCompanies}</p>
      </Notice>
      <CompanyChoices companies={result.companies} selected={props.selected} />
    </>
  );
}
