import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { localName, useT } from '../../i18n/index.tsx';
import { Link, navigate, queryString, useLocation } from '../../router.tsx';
import { Button, CopyButton, ErrorAlert, Loading, Notice, Page, SelectField, TextField } from '../../components/ui.tsx';
import { useAction, useFetch } from '../../components/hooks.ts';
import { formatDateTime } from '../../lib/format.ts';
import type { CourtInfo, PackageItem } from './types.ts';

const STATUSES = ['pending', 'delivered', 'accepted', 'all'] as const;

/**
 * The court clerk's inbox: final reports e-filed to this court, the ones waiting for
 * acceptance first; and the machine API tokens of the court's own system.
 */
export default function InboxPage() {
  const { t, lang } = useT();
  const loc = useLocation();
  const status = (loc.search.get('status') as (typeof STATUSES)[number] | null) ?? 'pending';
  const list = useFetch<{ court: CourtInfo; items: PackageItem[] }>(
    `/court-clerk/packages${queryString({ status: status === 'all' ? undefined : status, pageSize: 100 })}`,
  );
  return (
    <Page title={t('court.inbox.title')}>
      {list.data && (
        <p className="muted">
          {localName(lang, list.data.court)} ({list.data.court.code})
        </p>
      )}
      <div className="panel filters">
        <SelectField
          id="ci-status"
          label={t('court.inbox.status')}
          value={status}
          onChange={(e) => navigate(`/court${queryString({ status: e.target.value })}`)}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`court.status.${s}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <ErrorAlert error={list.error} />
      {list.loading && !list.data ? (
        <Loading />
      ) : !list.data?.items.length ? (
        <p role="status">{t('court.inbox.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-stack" data-testid="court-inbox">
            <caption className="sr-only">{t('court.inbox.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('court.field.fir')}</th>
                <th scope="col">{t('court.field.kind')}</th>
                <th scope="col">{t('court.field.filed')}</th>
                <th scope="col">{t('court.field.status')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((p) => (
                <tr key={p.packageId}>
                  <td data-label={t('court.field.fir')}>
                    <Link to={`/court/cases/${p.packageId}`}>
                      {t('court.inbox.fir_of', { fir: p.firNumber, station: localName(lang, p.station) })}
                    </Link>
                  </td>
                  <td data-label={t('court.field.kind')}>{t(`court.kind.${p.kind}`)}</td>
                  <td data-label={t('court.field.filed')}>{formatDateTime(p.createdAt, lang)}</td>
                  <td data-label={t('court.field.status')}>
                    {t(`court.status.${p.status}`)}
                    {p.cnr && <div className="muted">CNR {p.cnr}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Tokens />
    </Page>
  );
}

interface TokenRow {
  id: string;
  label: string;
  createdAt: string;
  revokedAt: string | null;
}

/** Tokens with which the court's own system calls the court API; a new one is shown once. */
function Tokens() {
  const { t, lang } = useT();
  const info = useFetch<{ tokens: TokenRow[] }>('/court-clerk/court');
  const [label, setLabel] = useState('');
  const [issued, setIssued] = useState<string | null>(null);
  const issue = useAction(() => api.post<{ token: string }>('/court-clerk/tokens', { label }));
  const revoke = useAction((id: string) => api.post(`/court-clerk/tokens/${id}/revoke`));
  const onIssue = async (e: FormEvent) => {
    e.preventDefault();
    const r = await issue.run();
    if (r) {
      setIssued(r.token);
      setLabel('');
      info.reload();
    }
  };
  return (
    <details className="card">
      <summary>{t('court.tokens.title')}</summary>
      <p className="muted">{t('court.tokens.intro')}</p>
      <ErrorAlert error={issue.error ?? revoke.error ?? info.error} />
      {issued && (
        <Notice kind="warning">
          {t('court.tokens.shown_once')} <code data-testid="court-token">{issued}</code> <CopyButton text={issued} />
        </Notice>
      )}
      <ul>
        {(info.data?.tokens ?? []).map((x) => (
          <li key={x.id}>
            {x.label} — {formatDateTime(x.createdAt, lang)}
            {x.revokedAt ? (
              ` (${t('court.tokens.revoked')})`
            ) : (
              <>
                {' '}
                <Button variant="link" onClick={() => void revoke.run(x.id).then(() => info.reload())}>
                  {t('court.tokens.revoke')}
                </Button>
              </>
            )}
          </li>
        ))}
      </ul>
      <form onSubmit={(e) => void onIssue(e)}>
        <TextField id="ct-label" label={t('court.tokens.label')} value={label} onChange={(e) => setLabel(e.target.value)} />
        <Button type="submit" busy={issue.busy} disabled={!label.trim()}>
          {t('court.tokens.issue')}
        </Button>
      </form>
    </details>
  );
}
