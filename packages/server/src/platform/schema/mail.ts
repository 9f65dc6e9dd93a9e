/** The e-mail outbox and notification settings (migrations 117 and 118, issue #18, ADR 0035). */
export interface MailMessagesTable {
  id: string;
  municipality_id: string;
  login_id: string;
  person_id: string | null;
  recipient: string;
  locale: string;
  /** `password_reset`, `digest` or a task kind (an immediate notice). */
  kind: string;
  dedupe_key: string;
  subject: string;
  body_text: string;
  body_html: string;
  sensitive: number;
  status: 'queued' | 'sent' | 'failed' | 'cancelled';
  attempts: number;
  next_attempt_at: string;
  lease_holder: string | null;
  lease_expires_at: string | null;
  last_error: string | null;
  sent_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface NotificationSettingsTable {
  person_id: string;
  municipality_id: string;
  /** JSON object: task kind → 'immediate' | 'digest' | 'off'; a kind not named has its default. */
  deliveries_json: string;
  updated_at: string;
  version: number;
}

export interface MailDatabase {
  mail_messages: MailMessagesTable;
  notification_settings: NotificationSettingsTable;
}
