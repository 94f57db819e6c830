import type { Transporter } from "nodemailer";
import type { ConnectorSettings, SmtpConfig } from "../config/types.js";
import type { Logger } from "../logging/logger.js";
import { subjectOf, textOf, webhookPayload, type NotificationEvent } from "./notification.js";

export interface NotifierOptions {
  readonly smtp: SmtpConfig | null;
  readonly logger: Logger;
  /** A webhook that does not answer within this time counts as failed (the run is not held up by it). */
  readonly timeoutMs?: number;
}

/**
 * Sends notifications to where each connector asked: a webhook (JSON POST) and/or e-mail over the configured SMTP
 * server. A notification that cannot be delivered is logged and otherwise ignored: it must never fail or delay the
 * run it is about.
 */
export class Notifier {
  /** Made at the first e-mail: nodemailer is a noticeable part of a gateway's idle memory, and most never send one. */
  private transport: Promise<Transporter> | null = null;

  constructor(private readonly options: NotifierOptions) {}

  /** Delivers to every configured channel; resolves when all attempts ended, whatever their result. */
  async notify(notify: ConnectorSettings["notify"], event: NotificationEvent): Promise<void> {
    const deliveries: Promise<void>[] = [];
    if (notify.webhookUrl) deliveries.push(this.guard("webhook", event, () => this.post(notify.webhookUrl!, event)));
    if (notify.emailTo.length > 0) deliveries.push(this.guard("e-mail", event, () => this.mail(notify.emailTo, event)));
    await Promise.all(deliveries);
  }

  close(): void {
    void this.transport?.then(
      (transport) => transport.close(),
      () => undefined,
    );
  }

  private async post(url: string, event: NotificationEvent): Promise<void> {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(webhookPayload(event)),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
    });
    await response.body?.cancel();
    if (!response.ok) throw new Error(`the webhook answered HTTP ${response.status}`);
  }

  private async mail(to: readonly string[], event: NotificationEvent): Promise<void> {
    const { smtp } = this.options;
    if (!smtp) throw new Error("e-mail notifications need the [smtp] section in config.toml");
    this.transport ??= import("nodemailer").then(({ default: nodemailer }) =>
      nodemailer.createTransport({
        host: smtp.host,
        port: smtp.port,
        secure: smtp.secure,
        ...(smtp.username ? { auth: { user: smtp.username, pass: smtp.password ?? "" } } : {}),
        connectionTimeout: this.options.timeoutMs ?? 10_000,
        greetingTimeout: this.options.timeoutMs ?? 10_000,
      }),
    );
    await (await this.transport).sendMail({
      from: smtp.from,
      to: [...to],
      subject: subjectOf(event),
      text: textOf(event),
    });
  }

  private async guard(channel: string, event: NotificationEvent, deliver: () => Promise<void>): Promise<void> {
    try {
      await deliver();
      this.options.logger.info({ connector: event.connector.id, event: event.kind, channel }, "notification sent");
    } catch (error) {
      // Logged, not rethrown: a broken webhook must not turn a held run into a failed one.
      this.options.logger.warn(
        { connector: event.connector.id, event: event.kind, channel, err: (error as Error).message },
        "notification could not be delivered",
      );
    }
  }
}
