import type { FastifyBaseLogger } from 'fastify';

/** Where SMS messages go. Production plugs a carrier gateway in here; development writes to the log. */
export interface SmsChannel {
  send(phone: string, text: string): Promise<void>;
}

/** Development channel: the message (with its code) is written to the log, for the developer to read. */
export class LogSmsChannel implements SmsChannel {
  constructor(private readonly log: Pick<FastifyBaseLogger, 'info'>) {}
  async send(phone: string, text: string): Promise<void> {
    this.log.info({ sms: { to: phone, text } }, 'SMS (development channel)');
  }
}

/** Test channel: keeps what was sent so a test can read the code. */
export class MemorySmsChannel implements SmsChannel {
  readonly sent: { phone: string; text: string }[] = [];
  async send(phone: string, text: string): Promise<void> {
    this.sent.push({ phone, text });
  }
  lastCodeFor(phone: string): string | null {
    const msg = [...this.sent].reverse().find((m) => m.phone === phone);
    return msg?.text.match(/(\d{6})/)?.[1] ?? null;
  }
}
