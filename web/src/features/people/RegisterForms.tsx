import { useState } from 'react';
import { api, ApiError } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { ActionForm } from '../../components/forms.tsx';
import { ClientError, fieldErrorsOf, requireFields } from '../../components/errors.ts';
import { useAction, useFetch } from '../../components/hooks.ts';
import { Notice, SelectField, TextArea, TextField } from '../../components/ui.tsx';
import type { PersonView, SearchResult } from './types.ts';
import { ageText } from './bits.tsx';
import { WANTED_KINDS, wantedBody } from './wanted.ts';

/**
 * A new entry in the wanted register: the person found in the index (or given by the person
 * page), wanted or proclaimed (BNSS 84: a proclamation needs the court and its order).
 */
export function NewWanted({ personId: given, onDone }: { personId?: string; onDone: () => void }) {
  const { t } = useT();
  const [q, setQ] = useState('');
  const [person, setPerson] = useState<{ id: string; name: string } | undefined>();
  const [v, setV] = useState<Record<string, string>>({ kind: 'wanted' });
  const set = (k: string) => (e: { target: { value: string } }) => setV((o) => ({ ...o, [k]: e.target.value }));
  const preset = useFetch<PersonView>(given && !person ? `/people/${given}` : null);
  const chosen = person ?? (preset.data ? { id: preset.data.id, name: preset.data.name } : undefined);
  const found = useFetch<{ results: SearchResult[] }>(q.trim().length >= 2 ? `/people/search?q=${encodeURIComponent(q)}&limit=10` : null);
  const act = useAction(async () => {
    const { body, problems } = wantedBody(chosen?.id ?? '', v);
    if (Object.keys(problems).length) throw new ClientError('error.fix_fields', problems);
    await api.post('/registers/wanted', body);
    setV({ kind: 'wanted' });
    setPerson(undefined);
    setQ('');
    onDone();
  });
  const fe = fieldErrorsOf(act.error, t);
  const labels: Record<string, string> = {
    personId: t('people.wanted.person'),
    kind: t('people.wanted.kind'),
    court: t('people.wanted.court'),
    orderRef: t('people.wanted.order_ref'),
    orderDate: t('people.wanted.order_date'),
    appearBy: t('people.wanted.appear_by'),
    rewardAmount: t('people.wanted.reward'),
    description: t('people.wanted.description'),
  };
  const proclamation = v.kind !== 'wanted';
  return (
    <details className="panel" open={given ? true : undefined}>
      <summary id="wn-title">{t('people.wanted.new')}</summary>
      <ActionForm action={act} submit={t('people.wanted.save')} fieldLabels={labels} idPrefix="wn-" labelledBy="wn-title">
        <fieldset>
          <legend>{`${labels.personId} *`}</legend>
          {chosen?.id ? (
            <p data-testid="wanted-person">
              <strong>{chosen.name}</strong>{' '}
              <button type="button" className="btn btn-secondary" onClick={() => setPerson({ id: '', name: '' })}>
                {t('people.wanted.change_person')}
              </button>
            </p>
          ) : null}
          {!chosen?.id && (
            <>
              <TextField
                id="wn-personId"
                label={t('people.wanted.find')}
                hint={t('people.wanted.find_hint')}
                value={q}
                onChange={(e) => setQ(e.target.value)}
                error={fe.personId}
                autoComplete="off"
              />
              <ul className="link-list" data-testid="wanted-candidates">
                {found.data?.results.map((r) => (
                  <li key={r.person.id}>
                    <label>
                      <input type="radio" name="wn-person" onChange={() => setPerson({ id: r.person.id, name: r.person.name })} />{' '}
                      {r.person.name}{' '}
                      <span className="muted">
                        {r.person.fatherName ? t('people.new.son_of', { father: r.person.fatherName }) : ''} · {ageText(r.person, t)}
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </>
          )}
        </fieldset>
        <div className="form-grid">
          <SelectField id="wn-kind" label={labels.kind} value={v.kind} onChange={set('kind')} error={fe.kind}>
            {WANTED_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`people.registers.kind.${k}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            id="wn-court"
            label={proclamation ? `${labels.court} *` : labels.court}
            value={v.court ?? ''}
            onChange={set('court')}
            error={fe.court}
          />
          <TextField id="wn-orderRef" label={labels.orderRef} value={v.orderRef ?? ''} onChange={set('orderRef')} error={fe.orderRef} />
          <TextField
            id="wn-orderDate"
            type="date"
            label={proclamation ? `${labels.orderDate} *` : labels.orderDate}
            value={v.orderDate ?? ''}
            onChange={set('orderDate')}
            error={fe.orderDate}
          />
          <TextField
            id="wn-appearBy"
            type="date"
            label={labels.appearBy}
            hint={t('people.wanted.appear_by_hint')}
            value={v.appearBy ?? ''}
            onChange={set('appearBy')}
            error={fe.appearBy}
          />
          <TextField
            id="wn-rewardAmount"
            inputMode="decimal"
            label={labels.rewardAmount}
            value={v.rewardAmount ?? ''}
            onChange={set('rewardAmount')}
            error={fe.rewardAmount}
          />
        </div>
        <TextArea
          id="wn-description"
          label={labels.description}
          value={v.description ?? ''}
          onChange={set('description')}
          error={fe.description}
          rows={2}
        />
      </ActionForm>
    </details>
  );
}

/**
 * A register entry's status (wanted: arrested, surrendered, withdrawn, active again; missing:
 * traced or closed), with the reason, on the version shown: a 412 loads the list again.
 */
export function StatusChange({
  id,
  path,
  version,
  statuses,
  onDone,
}: {
  id: string;
  path: string;
  version: number;
  statuses: string[];
  onDone: () => void;
}) {
  const { t } = useT();
  const [status, setStatus] = useState(statuses[0] ?? '');
  const [reason, setReason] = useState('');
  const [stale, setStale] = useState(false);
  const act = useAction(async () => {
    setStale(false);
    requireFields({ reason }, ['reason']);
    try {
      await api.post(path, { version, status, reason: reason.trim() });
    } catch (e) {
      // Changed by someone else meanwhile: show the list as it is now, so a retry sends its version.
      if (e instanceof ApiError && e.code === 'stale_version') {
        setStale(true);
        onDone();
      }
      throw e;
    }
    setReason('');
    onDone();
  });
  const fe = fieldErrorsOf(act.error, t);
  const labels = { status: t('people.status.new'), reason: t('people.status.reason') };
  return (
    <details>
      <summary id={`${id}-title`}>{t('people.status.change')}</summary>
      {stale && <Notice kind="warning">{t('people.status.stale')}</Notice>}
      <ActionForm action={act} submit={t('people.status.save')} fieldLabels={labels} idPrefix={`${id}-`} labelledBy={`${id}-title`}>
        <SelectField id={`${id}-status`} label={labels.status} value={status} onChange={(e) => setStatus(e.target.value)} error={fe.status}>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {t(`people.registers.status.${s}`)}
            </option>
          ))}
        </SelectField>
        <TextArea
          id={`${id}-reason`}
          label={`${labels.reason} *`}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={fe.reason}
          rows={2}
        />
      </ActionForm>
    </details>
  );
}
