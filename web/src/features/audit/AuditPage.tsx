import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { navigate, queryString, useLocation } from '../../router.tsx';
import { Button, ErrorAlert, Loading, Notice, Page, SelectField, TextField } from '../../components/ui.tsx';
import { useAction } from '../../components/hooks.ts';
import { formatDateTime, istLocalToIso } from '../../lib/format.ts';

interface AuditEvent {
  seq: number;
  occurredAt: string;
  actorUsername: string | null;
  actorRole: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  outcome: 'success' | 'failure' | 'denied';
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  details: unknown;
}

interface Verify {
  checked: number;
  broken?: { seq: number; id?: string; reason?: string } | number | null;
}

const PAGE = 50;
const FILTERS = ['from', 'to', 'actor', 'action', 'entityType', 'entityId', 'outcome'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

/**
 * The audit trail, newest first, filtered; "Older events" pages back by sequence number.
 * "Verify the chain" re-computes every row's hash on the server and names the first broken row.
 */
export default function AuditPage() {
  const { t, lang } = useT();
  const loc = useLocation();
  const filters = Object.fromEntries(FILTERS.map((k) => [k, loc.search.get(k) ?? ''])) as Filters;
  const [draft, setDraft] = useState<Filters>(filters);
  const [items, setItems] = useState<AuditEvent[]>([]);
  const [more, setMore] = useState(false);
  const [verify, setVerify] = useState<Verify | undefined>();

  const load = useAction(async (beforeSeq?: number) => {
    const q = {
      ...filters,
      from: istLocalToIso(filters.from),
      to: istLocalToIso(filters.to),
      limit: PAGE,
      beforeSeq,
    };
    const r = await api.get<{ items: AuditEvent[] }>(`/admin/audit${queryString(q)}`);
    setItems((old) => (beforeSeq ? [...old, ...r.items] : r.items));
    setMore(r.items.length === PAGE);
  });
  const check = useAction(async () => {
    setVerify(undefined);
    setVerify(await api.get<Verify>('/admin/audit/verify'));
  });

  useEffect(() => {
    setDraft(filters);
    void load.run();
    // The address holds the filters: load again whenever it changes.
    // (filters is rebuilt from it on every render.)
  }, [loc.href]);

  const set = (k: keyof Filters) => (e: { target: { value: string } }) => setDraft({ ...draft, [k]: e.target.value });
  const broken = verify?.broken ?? undefined;
  const brokenSeq = broken === undefined || broken === null ? undefined : typeof broken === 'number' ? broken : broken.seq;
  const brokenReason = broken && typeof broken === 'object' ? broken.reason : undefined;

  return (
    <Page title={t('audit.title')}>
      <section className="panel" aria-labelledby="verify-title">
        <h2 id="verify-title">{t('audit.verify.title')}</h2>
        <p className="hint">{t('audit.verify.hint')}</p>
        <ErrorAlert error={check.error} />
        {verify &&
          (brokenSeq === undefined ? (
            <Notice kind="success">{t('audit.verify.ok', { checked: verify.checked })}</Notice>
          ) : (
            <div className="alert alert-error" role="alert">
              <p className="alert-title">{t('audit.verify.broken', { seq: brokenSeq, checked: verify.checked })}</p>
              {brokenReason && <p>{t(`audit.verify.reason.${brokenReason}`)}</p>}
            </div>
          ))}
        <Button variant="secondary" busy={check.busy} onClick={() => void check.run()}>
          {t('audit.verify.button')}
        </Button>
      </section>

      <form
        className="panel filters"
        role="search"
        aria-label={t('audit.filters')}
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          navigate(`/admin/audit${queryString(draft)}`);
        }}
      >
        <TextField
          id="af-from"
          type="datetime-local"
          label={t('audit.filter.from')}
          hint={t('audit.filter.ist')}
          value={draft.from}
          onChange={set('from')}
        />
        <TextField
          id="af-to"
          type="datetime-local"
          label={t('audit.filter.to')}
          hint={t('audit.filter.ist')}
          value={draft.to}
          onChange={set('to')}
        />
        <TextField id="af-actor" label={t('audit.filter.actor')} autoCapitalize="off" value={draft.actor} onChange={set('actor')} />
        <TextField
          id="af-action"
          label={t('audit.filter.action')}
          hint={t('audit.filter.action_hint')}
          autoCapitalize="off"
          value={draft.action}
          onChange={set('action')}
        />
        <TextField
          id="af-entityType"
          label={t('audit.filter.entity_type')}
          autoCapitalize="off"
          value={draft.entityType}
          onChange={set('entityType')}
        />
        <TextField
          id="af-entityId"
          label={t('audit.filter.entity_id')}
          autoCapitalize="off"
          value={draft.entityId}
          onChange={set('entityId')}
        />
        <SelectField id="af-outcome" label={t('audit.filter.outcome')} value={draft.outcome} onChange={set('outcome')}>
          <option value="">{t('common.all')}</option>
          {(['success', 'failure', 'denied'] as const).map((o) => (
            <option key={o} value={o}>
              {t(`audit.outcome.${o}`)}
            </option>
          ))}
        </SelectField>
        <div className="button-row">
          <Button type="submit">{t('common.filter')}</Button>
          <Button variant="secondary" onClick={() => navigate('/admin/audit')}>
            {t('common.clear')}
          </Button>
        </div>
      </form>

      <ErrorAlert error={load.error} />
      {load.busy && items.length === 0 ? (
        <Loading />
      ) : items.length === 0 ? (
        <p role="status">{t('common.no_results')}</p>
      ) : (
        <>
          <p className="muted" role="status">
            {t('audit.count', { n: items.length })}
          </p>
          <div className="table-wrap">
            <table className="table table-stack">
              <caption className="sr-only">{t('audit.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.col.seq')}</th>
                  <th scope="col">{t('audit.col.when')}</th>
                  <th scope="col">{t('audit.col.who')}</th>
                  <th scope="col">{t('audit.col.action')}</th>
                  <th scope="col">{t('audit.col.entity')}</th>
                  <th scope="col">{t('audit.col.outcome')}</th>
                  <th scope="col">{t('common.details')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((e) => (
                  <tr key={e.seq} className={brokenSeq === e.seq ? 'row-broken' : undefined}>
                    <td data-label={t('audit.col.seq')} className="num">
                      {e.seq}
                    </td>
                    <td data-label={t('audit.col.when')} className="nowrap">
                      {formatDateTime(e.occurredAt, lang)}
                    </td>
                    <td data-label={t('audit.col.who')}>
                      {e.actorUsername ?? '—'}
                      {e.actorRole && <span className="muted"> · {t(`role.${e.actorRole}`)}</span>}
                    </td>
                    <td data-label={t('audit.col.action')}>
                      <code>{e.action}</code>
                    </td>
                    <td data-label={t('audit.col.entity')}>
                      {e.entityType ? `${e.entityType}${e.entityId ? ` ${e.entityId.slice(0, 8)}…` : ''}` : '—'}
                    </td>
                    <td data-label={t('audit.col.outcome')}>
                      <span className={`badge ${e.outcome === 'success' ? 'badge-ok' : 'badge-bad'}`}>
                        {t(`audit.outcome.${e.outcome}`)}
                      </span>
                    </td>
                    <td data-label={t('common.details')}>
                      <details>
                        <summary>
                          {t('audit.show')}
                          <span className="sr-only"> {e.seq}</span>
                        </summary>
                        <dl className="facts">
                          <div>
                            <dt>{t('audit.col.ip')}</dt>
                            <dd>{e.ip ?? '—'}</dd>
                          </div>
                          <div>
                            <dt>{t('audit.col.request')}</dt>
                            <dd>
                              <code>{e.requestId ?? '—'}</code>
                            </dd>
                          </div>
                          <div>
                            <dt>{t('audit.col.agent')}</dt>
                            <dd>{e.userAgent ?? '—'}</dd>
                          </div>
                          {e.entityId && (
                            <div>
                              <dt>{t('audit.filter.entity_id')}</dt>
                              <dd>
                                <code>{e.entityId}</code>
                              </dd>
                            </div>
                          )}
                        </dl>
                        {e.details !== null && e.details !== undefined && (
                          <pre className="message-body">{JSON.stringify(e.details, null, 2)}</pre>
                        )}
                      </details>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {more && (
            <Button variant="secondary" busy={load.busy} onClick={() => void load.run(items[items.length - 1].seq)}>
              {t('audit.older')}
            </Button>
          )}
        </>
      )}
    </Page>
  );
}
