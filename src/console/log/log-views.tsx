import type { LogRecord } from "../../logging/log-store.js";
import { levelName } from "../../logging/log-store.js";
import type { ScimRequestRecord } from "../scim-console.js";
import { useMessages } from "../i18n/use-language.js";
import { Badge, type Tone } from "../views/components.js";
import { formatLogTime } from "../views/format.js";

const LEVEL_TONES: Record<string, Tone> = {
  trace: "muted",
  debug: "muted",
  info: "info",
  warn: "warn",
  error: "bad",
  fatal: "bad",
};

export function LogRows(props: { records: readonly LogRecord[] }) {
  const t = useMessages().t.logPages;
  return (
    <>
      {props.records.map((record) => {
        const level = levelName(record.level);
        return (
          <tr class={`log-${level}`}>
            <td class="nowrap">
              <time datetime={record.at}>{formatLogTime(record.at)}</time>
            </td>
            <td>
              <Badge tone={LEVEL_TONES[level] ?? "muted"}>{level}</Badge>
            </td>
            <td>{record.connectorId ?? ""}</td>
            {/* The gateway's own words, in English by design (docs/i18n.md). */}
            <td class="cell-wrap" lang="en">
              {record.msg}
              {record.fields ? (
                record.fields.length > 160 ? (
                  <details>
                    <summary>{t.details}</summary>
                    <pre class="code">{record.fields}</pre>
                  </details>
                ) : (
                  <div class="log-fields">
                    <code>{record.fields}</code>
                  </div>
                )
              ) : null}
            </td>
          </tr>
        );
      })}
    </>
  );
}

export function ScimRows(props: { records: readonly ScimRequestRecord[] }) {
  return (
    <>
      {props.records.map((record) => (
        <tr class={record.status >= 400 ? "log-warn" : ""}>
          <td class="nowrap">
            <time datetime={record.at}>{formatLogTime(record.at)}</time>
          </td>
          <td>
            <Badge tone={record.status >= 500 ? "bad" : record.status >= 400 ? "warn" : "ok"}>
              {String(record.status)}
            </Badge>
          </td>
          <td>{record.connectorId ?? ""}</td>
          <td class="cell-wrap">
            <code>
              {record.method} {record.path}
            </code>{" "}
            <ScimClient record={record} />
            {record.detail ? (
              <div class="log-fields" lang="en">
                {record.detail}
              </div>
            ) : null}
          </td>
          <td class="nowrap">{record.durationMs} ms</td>
        </tr>
      ))}
    </>
  );
}

/** Who sent it: only Okta's own client counts as Okta's import (src/scim/observe/client-kind.ts). */
function ScimClient(props: { record: ScimRequestRecord }) {
  const { record } = props;
  const t = useMessages().t.logPages;
  if (record.client === "okta") return <Badge tone="ok">Okta</Badge>;
  return (
    <span class="muted" title={t.otherClientTitle}>
      {t.otherClient} {record.userAgent ? record.userAgent.slice(0, 80) : t.noUserAgent}
    </span>
  );
}

/**
 * The live tail: asks every 2 seconds for lines newer than `afterId`; new rows go on top of the table (out of
 * band), and the poller replaces itself with one that remembers the newest id.
 */
export function LogTail(props: { url: string; afterId: number }) {
  const separator = props.url.includes("?") ? "&" : "?";
  const t = useMessages().t.logPages;
  return (
    <div
      id="log-tail"
      hx-get={`${props.url}${separator}after=${props.afterId}`}
      hx-trigger="every 2s"
      hx-swap="outerHTML"
      data-poll=""
      class="live"
    >
      <span class="live-dot" aria-hidden="true"></span> {t.live}
    </div>
  );
}
