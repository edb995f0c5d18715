import { useT } from '../../i18n/index.tsx';
import { Button, ErrorAlert, Loading, Notice, Page } from '../../components/ui.tsx';
import { useFetch } from '../../components/hooks.ts';
import { formatDateTime } from '../../lib/format.ts';

/** GET /admin/dev-outbox: e-mail and SMS "delivered" while no provider is configured. */
interface DevMessage {
  id: string;
  channel: 'email' | 'sms';
  /** The e-mail address or mobile number. */
  to: string;
  subject: string | null;
  text: string;
  kind: string | null;
  deliveredAt: string;
}

/**
 * The dev outbox: with no SMTP server or SMS gateway configured (the embedded default), messages
 * land here, so `npm start` alone shows flows such as forgot-password end to end.
 */
export default function OutboxPage() {
  const { t, lang } = useT();
  const list = useFetch<{ items: DevMessage[] }>('/admin/dev-outbox?limit=100');
  const items = [...(list.data?.items ?? [])].sort((a, b) => b.deliveredAt.localeCompare(a.deliveredAt));
  return (
    <Page
      title={t('outbox.title')}
      actions={
        <Button variant="secondary" busy={list.loading} onClick={list.reload}>
          {t('outbox.refresh')}
        </Button>
      }
    >
      <Notice kind="warning" live={false}>
        {t('outbox.intro')}
      </Notice>
      <ErrorAlert error={list.error} />
      {list.loading && !list.data ? (
        <Loading />
      ) : items.length === 0 ? (
        !list.error && <p role="status">{t('outbox.empty')}</p>
      ) : (
        <ol className="message-list" aria-label={t('outbox.title')}>
          {items.map((m) => (
            <li key={m.id} className="panel" data-testid="outbox-message">
              <p className="button-row" style={{ gap: '0.5rem', marginBottom: '0.25rem' }}>
                <span className={`badge ${m.channel === 'sms' ? 'badge-warn' : 'badge-neutral'}`}>{t(`outbox.channel.${m.channel}`)}</span>
                <strong>{m.to}</strong>
                <span className="muted">{formatDateTime(m.deliveredAt, lang)}</span>
              </p>
              {m.subject && <p style={{ marginBottom: 0 }}>{m.subject}</p>}
              <pre className="message-body">{m.text}</pre>
            </li>
          ))}
        </ol>
      )}
    </Page>
  );
}
