import { overBudget, type GroupBudgetReport } from "../../lifecycle/group-budget.js";
import { useMessages } from "../i18n/use-language.js";
import { Notice } from "./components.js";

const megabytes = (bytes: number, language: string) =>
  (bytes / 1024 / 1024).toLocaleString(language, { maximumFractionDigits: 1 });

/**
 * The groups and /Groups pages over the connector's budget (lifecycle/group-budget.ts), named, on the dashboard card
 * and the run preview; nothing when all fit.
 */
export function GroupBudgetWarning(props: { report: GroupBudgetReport | undefined; connectorId: string }) {
  const { t, language } = useMessages();
  const { report } = props;
  if (!report || !overBudget(report)) return null;
  const { budget } = report;
  return (
    <Notice tone="warn" role="status" title={t.groups.overBudgetTitle}>
      <ul class="group-budget">
        {report.groupsOver.map((group) => (
          <li>{t.groups.groupOver(group.displayName, group.members, budget.maxMembers)}</li>
        ))}
        {report.pagesOver.map((page) => (
          <li>
            {t.groups.pageOver(
              page.startIndex,
              megabytes(page.bytes, language),
              megabytes(budget.maxPageBytes, language),
              page.largest.join(", "),
            )}
          </li>
        ))}
      </ul>
      <p>
        {t.groups.overBudgetAdvice}{" "}
        <a href={`/connectors/${props.connectorId}/okta#group-rules`}>{t.groups.rulesLink}</a>
      </p>
    </Notice>
  );
}
