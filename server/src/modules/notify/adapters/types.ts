import type { MessagePayload } from '../service.js';

/** One way out for one channel. `send` resolves once the provider has accepted the message and throws otherwise. */
export interface Sender {
  /** 'smtp', 'sms-http' or 'dev': recorded in the log, never the message. */
  readonly name: string;
  send(message: MessagePayload, meta: { outboxId: string; stateCode: string }): Promise<void>;
  close?(): Promise<void> | void;
}
