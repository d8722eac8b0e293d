import type { FastifyBaseLogger } from 'fastify';

/** One plain-text e-mail. */
export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * Where e-mail goes. Production plugs an SMTP relay or a provider's API in here (none ships: no mail library is
 * installed); development writes to the log. `send` throws when the message was not accepted, so the outbox
 * retries it.
 */
export interface EmailChannel {
  send(message: EmailMessage): Promise<void>;
}

/** Development channel: the message is written to the log, for the developer to read. */
export class LogEmailChannel implements EmailChannel {
  constructor(private readonly log: Pick<FastifyBaseLogger, 'info'>) {}
  async send(message: EmailMessage): Promise<void> {
    this.log.info({ email: message }, 'E-mail (development channel)');
  }
}

/** Test channel: keeps what was sent. */
export class MemoryEmailChannel implements EmailChannel {
  readonly sent: EmailMessage[] = [];
  async send(message: EmailMessage): Promise<void> {
    this.sent.push(message);
  }
}
