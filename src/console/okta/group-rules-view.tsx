import type { GroupKind } from "../../config/types.js";
import { useMessages } from "../i18n/use-language.js";
import { DataTable, Empty } from "../views/components.js";
import { CopyValue } from "./copy-value.js";
import type { GroupRule } from "./group-rules.js";

/**
 * The Okta group rules that build this connector's attribute groups, each expression with a Copy button, the JSON
 * export of all of them, and the steps to move a kind from imported groups to Okta rules (docs/groups.md).
 */
export function GroupRulesSection(props: {
  connectorId: string;
  kinds: readonly GroupKind[];
  rules: readonly GroupRule[];
}) {
  const { t } = useMessages();
  const { connectorId, kinds, rules } = props;
  return (
    <section class="card" id="group-rules">
      <h2>{t.groups.rulesTitle}</h2>
      <p>{t.groups.rulesIntro}</p>
      <p class="hint">{t.groups.rulesHowTo}</p>
      {kinds.length === 0 ? (
        <Empty>{t.groups.noKinds}</Empty>
      ) : rules.length === 0 ? (
        <Empty>{t.groups.noValues}</Empty>
      ) : (
        <DataTable label={t.groups.rulesTitle} columns={t.groups.rulesColumns}>
          {rules.map((rule, index) => (
            <tr>
              <td>{t.groups.kindNames[rule.kind]}</td>
              <td class="cell-wrap">{rule.groupName}</td>
              <td class="cell-wrap">
                <CopyValue
                  id={`group-rule-${index}`}
                  value={rule.expression}
                  label={t.groups.ruleCopyLabel(rule.groupName)}
                />
              </td>
              <td>{rule.users}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {rules.length > 0 ? (
        <p>
          <a class="button" href={`/connectors/${connectorId}/okta/group-rules.json`} download>
            {t.groups.exportRules}
          </a>
        </p>
      ) : null}
      <h3>{t.groups.switchTitle}</h3>
      <ol>
        {t.groups.switchSteps.map((step) => (
          <li>{step}</li>
        ))}
      </ol>
      <p>
        <a href={`/connectors/${connectorId}/edit`}>{t.groups.editSettings}</a> ·{" "}
        <a href={`/connectors/${connectorId}/previews`}>{t.groups.previewRun}</a>
      </p>
    </section>
  );
}
