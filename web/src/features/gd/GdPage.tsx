import { useState } from 'react';
import { api, API_BASE } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { Link, navigate, queryString, useLocation } from '../../router.tsx';
import { ActionCard } from '../../components/forms.tsx';
import { StationSelect } from '../../components/StationSelect.tsx';
import { Button, ErrorAlert, Loading, Notice, Page, SelectField, TextArea, TextField } from '../../components/ui.tsx';
import { fieldErrorsOf, requireFields } from '../../components/errors.ts';
import { useAction, useFetch } from '../../components/hooks.ts';
import { formatDate, formatTime } from '../../lib/format.ts';
import { useSession } from '../../session.tsx';
import { can } from '../../policy.ts';
import { gdKindKey, istToday, MANUAL_GD_KINDS, type GdDay, type ManualGdKind } from './types.ts';

/**
 * The General Diary of a station for one day (IST), in number order: every entry the system
 * wrote (FIR registered, transfers, arrests …) and the officers' own. Station officers add an
 * entry (append-only: a correction is a new entry); anyone may print the day as a PDF.
 * Officers above a station choose the station.
 */
export default function GdPage() {
  const { t, lang } = useT();
  const { user } = useSession();
  const s = useLocation().search;
  const today = istToday();
  const date = /^\d{4}-\d{2}-\d{2}$/.test(s.get('date') ?? '') ? s.get('date')! : today;
  const own = user?.stationId ?? '';
  const stationId = s.get('stationId') ?? own;
  const go = (over: Record<string, string>) =>
    navigate(`/gd${queryString({ date, stationId: stationId !== own ? stationId : '', ...over })}`);
  const q = queryString({ date, stationId: stationId || undefined });
  const day = useFetch<GdDay>(stationId ? `/gd${q}` : null);
  const [done, setDone] = useState<string | null>(null);
  const mayWrite = !!user && can(user.role, 'gd.write') && !!own && stationId === own && date === today;

  return (
    <Page title={t('gd.title')}>
      {done && <Notice kind="success">{done}</Notice>}
      <div className="panel filters">
        <TextField
          id="gd-date"
          type="date"
          label={t('gd.date')}
          hint={t('gd.date_hint')}
          max={today}
          value={date}
          onChange={(e) => e.target.value && go({ date: e.target.value })}
        />
        {!own && <StationSelect id="gd-station" label={t('gd.station')} value={stationId} onChange={(v) => go({ stationId: v })} />}
        <div className="button-row">
          {date !== today && (
            <Button variant="secondary" onClick={() => go({ date: today })}>
              {t('gd.today')}
            </Button>
          )}
          {stationId && (
            <a className="btn btn-secondary" href={`${API_BASE}/gd/print.pdf${q}`} download>
              {t('gd.print')}
            </a>
          )}
        </div>
      </div>

      {mayWrite && (
        <NewEntry
          onDone={(no) => {
            setDone(t('gd.added', { no }));
            day.reload();
          }}
        />
      )}

      <section aria-labelledby="gd-day">
        <h2 id="gd-day">{t('gd.day_title', { date: formatDate(`${date}T12:00:00+05:30`, lang), station: day.data?.stationCode ?? '' })}</h2>
        <ErrorAlert error={day.error} />
        {!stationId ? (
          <p>{t('gd.choose_station')}</p>
        ) : day.loading && !day.data ? (
          <Loading />
        ) : !day.data?.items.length ? (
          <p role="status">{t('gd.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table-stack" data-testid="gd-list">
              <caption className="sr-only">{t('gd.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('gd.no')}</th>
                  <th scope="col">{t('gd.time')}</th>
                  <th scope="col">{t('gd.kind')}</th>
                  <th scope="col">{t('gd.text')}</th>
                  <th scope="col">{t('gd.officer')}</th>
                </tr>
              </thead>
              <tbody>
                {day.data.items.map((e) => (
                  <tr key={e.id} id={`gd-${e.entryNo}`}>
                    <td data-label={t('gd.no')}>
                      <strong>{e.entryNo}</strong>
                    </td>
                    <td data-label={t('gd.time')} className="nowrap">
                      {formatTime(e.recordedAt, lang)}
                    </td>
                    <td data-label={t('gd.kind')}>{t(gdKindKey(e.kind))}</td>
                    <td data-label={t('gd.text')}>
                      <span style={{ whiteSpace: 'pre-wrap' }}>{e.text}</span>
                      {e.refType === 'fir' && e.refId && (
                        <div>
                          <Link to={`/firs/${e.refId}`}>{t('gd.open_fir')}</Link>
                        </div>
                      )}
                      {Array.isArray(e.details.officers) && e.details.officers.length > 0 && (
                        <div className="muted">{t('gd.officers_list', { names: (e.details.officers as string[]).join(', ') })}</div>
                      )}
                    </td>
                    <td data-label={t('gd.officer')}>
                      {e.officerName}
                      {e.officerRank ? <div className="muted">{t(`rank.${e.officerRank}`)}</div> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </Page>
  );
}

function NewEntry({ onDone }: { onDone: (entryNo: number) => void }) {
  const { t } = useT();
  const [kind, setKind] = useState<ManualGdKind>('information');
  const [text, setText] = useState('');
  const [officers, setOfficers] = useState('');
  const run = useAction(async () => {
    requireFields({ text }, ['text']);
    const names = officers
      .split(/[,;\n]+/)
      .map((x) => x.trim())
      .filter(Boolean);
    const e = await api.post<{ entryNo: number }>('/gd', { kind, text: text.trim(), ...(names.length ? { officers: names } : {}) });
    setText('');
    setOfficers('');
    onDone(e.entryNo);
  });
  const fe = fieldErrorsOf(run.error, t);
  const labels = { kind: t('gd.kind'), text: t('gd.text'), officers: t('gd.officers') };
  return (
    <ActionCard id="gd-new" title={t('gd.new_title')} action={run} submit={t('gd.add')} fieldLabels={labels} idPrefix="gdn-">
      <SelectField id="gdn-kind" label={labels.kind} value={kind} error={fe.kind} onChange={(e) => setKind(e.target.value as ManualGdKind)}>
        {MANUAL_GD_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`gd.kind.${k}`)}
          </option>
        ))}
      </SelectField>
      <TextArea
        id="gdn-text"
        label={labels.text}
        required
        rows={3}
        value={text}
        error={fe.text}
        onChange={(e) => setText(e.target.value)}
      />
      {(kind === 'departure' || kind === 'arrival') && (
        <TextField
          id="gdn-officers"
          label={labels.officers}
          hint={t('gd.officers_hint')}
          value={officers}
          error={fe.officers}
          onChange={(e) => setOfficers(e.target.value)}
        />
      )}
    </ActionCard>
  );
}
