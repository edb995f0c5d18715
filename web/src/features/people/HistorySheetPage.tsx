import { useState } from 'react';
import { api } from '../../api.ts';
import { localName, useT } from '../../i18n/index.tsx';
import { Link, useParams } from '../../router.tsx';
import { Button, ErrorAlert, Facts, Loading, Page, SelectField, TextArea } from '../../components/ui.tsx';
import { useAction, useFetch } from '../../components/hooks.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { can } from '../../policy.ts';
import { useSession } from '../../session.tsx';
import type { SheetView } from './types.ts';

/** One history sheet: reason, class, MO, surveillance notes and associates; add a note; close it. */
export default function HistorySheetPage() {
  const { t, lang } = useT();
  const { id } = useParams();
  const { user } = useSession();
  const s = useFetch<SheetView>(`/history-sheets/${id}`);
  const [kind, setKind] = useState('surveillance');
  const [text, setText] = useState('');
  const [closeReason, setCloseReason] = useState('');
  const add = useAction(async () => {
    s.setData(await api.post<SheetView>(`/history-sheets/${id}/entries`, { kind, text }));
    setText('');
  });
  const close = useAction(async () => {
    s.setData(await api.post<SheetView>(`/history-sheets/${id}/close`, { version: s.data!.version, reason: closeReason }));
  });
  if (s.loading && !s.data) return <Loading />;
  if (!s.data) return <ErrorAlert error={s.error} />;
  const v = s.data;
  return (
    <Page title={t('people.sheets.sheet_title', { no: v.sheetNo, name: localName(lang, { name: v.personName, nameHi: v.personNameHi }) })}>
      <p>
        <Link to={`/people/${v.personId}`}>{t('people.sheets.person_link')}</Link>
      </p>
      <Facts
        items={[
          [
            t('people.sheets.status'),
            <span className={`badge ${v.status === 'open' ? 'badge-bad' : 'badge-neutral'}`}>{t(`people.sheets.status.${v.status}`)}</span>,
          ],
          [t('people.sheets.class'), t(`people.sheets.class_${v.offenderClass}`)],
          [t('people.record.station'), localName(lang, { name: v.stationName, nameHi: v.stationNameHi })],
          [t('people.sheets.opened'), `${formatDate(v.openedAt, lang)} · ${v.openedByName}`],
          [t('people.sheets.reason'), v.openReason],
          [t('people.sheets.mo'), v.modusOperandi ?? '—'],
          ...(v.closedAt
            ? ([[t('people.sheets.closed'), `${formatDate(v.closedAt, lang)} · ${v.closedByName ?? ''} — ${v.closeReason ?? ''}`]] as [
                string,
                string,
              ][])
            : []),
        ]}
      />
      <h2>{t('people.sheets.entries')}</h2>
      {!v.entries?.length ? (
        <p className="muted">{t('people.sheets.no_entries')}</p>
      ) : (
        <ul className="message-list">
          {v.entries.map((e) => (
            <li key={e.id}>
              <span className="badge badge-neutral">{t(`people.sheets.kind_${e.kind}`)}</span> {e.text}
              {e.associatePersonId && (
                <>
                  {' '}
                  — <Link to={`/people/${e.associatePersonId}`}>{e.associateName}</Link>
                </>
              )}
              <div className="muted">
                {formatDateTime(e.recordedAt, lang)} · {e.recordedByName}
              </div>
            </li>
          ))}
        </ul>
      )}
      {v.status === 'open' && user && can(user.role, 'history_sheet.note') && (
        <form
          className="panel"
          onSubmit={(e) => {
            e.preventDefault();
            void add.run();
          }}
        >
          <ErrorAlert error={add.error} />
          <SelectField id="hse-kind" label={t('people.sheets.entry_kind')} value={kind} onChange={(e) => setKind(e.target.value)}>
            {['surveillance', 'associate', 'modus_operandi', 'note'].map((k) => (
              <option key={k} value={k}>
                {t(`people.sheets.kind_${k}`)}
              </option>
            ))}
          </SelectField>
          <TextArea
            id="hse-text"
            label={`${t('people.sheets.entry_text')} *`}
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={3}
          />
          <Button type="submit" busy={add.busy}>
            {t('people.sheets.add_entry')}
          </Button>
        </form>
      )}
      {v.status === 'open' && user && can(user.role, 'history_sheet.manage') && (
        <details>
          <summary>{t('people.sheets.close')}</summary>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void close.run();
            }}
          >
            <ErrorAlert error={close.error} />
            <TextArea
              id="hsc-reason"
              label={`${t('people.sheets.close_reason')} *`}
              value={closeReason}
              onChange={(e) => setCloseReason(e.target.value)}
              rows={2}
            />
            <Button type="submit" variant="danger" busy={close.busy}>
              {t('people.sheets.close_button')}
            </Button>
          </form>
        </details>
      )}
    </Page>
  );
}
