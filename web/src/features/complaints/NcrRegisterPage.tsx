import { API_BASE } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { navigate, queryString, useLocation } from '../../router.tsx';
import { Button, ErrorAlert, Loading, Page } from '../../components/ui.tsx';
import { useFetch } from '../../components/hooks.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useSession } from '../../session.tsx';
import { StationSelect } from '../../components/StationSelect.tsx';
import { istToday } from '../gd/types.ts';

interface NcrRegister {
  from: string;
  to: string;
  items: {
    id: string;
    ncrNumber: string;
    station: { code: string; name: string };
    recordedAt: string;
    officer: { name: string; rank: string | null };
    gdEntry: { entryNo: number; date: string };
    sections: { act: string; section: string }[];
    substance: string;
    referredTo: string;
  }[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The fortnight (1st–15th, or 16th–the month's last day) a day falls in. */
export function fortnightOf(day: string): { from: string; to: string } {
  const [y, m, d] = day.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, '0');
  return d <= 15 ? { from: `${y}-${mm}-01`, to: `${y}-${mm}-15` } : { from: `${y}-${mm}-16`, to: `${y}-${mm}-${last}` };
}

/** The fortnight before or after the one that starts on `from`. */
export function shiftFortnight(from: string, by: -1 | 1): { from: string; to: string } {
  const d = new Date(`${from}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + (by === 1 ? 16 : -1));
  return fortnightOf(d.toISOString().slice(0, 10));
}

/**
 * The station's register of non-cognizable reports, a fortnight at a time: BNSS 174(1) has the
 * station forward the daily diary report of all such cases fortnightly to the Magistrate, which
 * the PDF is. Officers above a station choose the station.
 */
export default function NcrRegisterPage() {
  const { t, lang } = useT();
  const { user } = useSession();
  const s = useLocation().search;
  const today = istToday();
  const current = fortnightOf(DAY.test(s.get('from') ?? '') ? s.get('from')! : today);
  const own = user?.stationId ?? '';
  const stationId = s.get('stationId') ?? own;
  const go = (over: { from?: string; stationId?: string }) =>
    navigate(`/complaints/ncr-register${queryString({ from: current.from, stationId: stationId !== own ? stationId : '', ...over })}`);
  const q = queryString({ from: current.from, to: current.to, stationId: stationId || undefined });
  const reg = useFetch<NcrRegister>(stationId ? `/complaints/ncr-register${q}` : null);
  const range = { from: formatDate(current.from, lang), to: formatDate(current.to, lang) };

  return (
    <Page title={t('complaints.ncr_register.title')}>
      <p>{t('complaints.ncr_register.intro')}</p>
      <div className="panel filters">
        {!own && <StationSelect id="ncr-station" label={t('gd.station')} value={stationId} onChange={(v) => go({ stationId: v })} />}
        <div className="button-row">
          <Button variant="secondary" onClick={() => go({ from: shiftFortnight(current.from, -1).from })}>
            {t('complaints.ncr_register.previous')}
          </Button>
          {current.to < today && (
            <Button variant="secondary" onClick={() => go({ from: shiftFortnight(current.from, 1).from })}>
              {t('complaints.ncr_register.next')}
            </Button>
          )}
          {stationId && (
            <a className="btn btn-secondary" href={`${API_BASE}/complaints/ncr-register.pdf${q}`} download>
              {t('complaints.ncr_register.print')}
            </a>
          )}
        </div>
      </div>
      <ErrorAlert error={reg.error} />
      {!stationId ? (
        <p>{t('gd.choose_station')}</p>
      ) : reg.loading && !reg.data ? (
        <Loading />
      ) : !reg.data?.items.length ? (
        <p role="status">{t('complaints.ncr_register.empty', range)}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-stack" data-testid="ncr-register">
            <caption>{t('complaints.ncr_register.caption', { ...range, n: reg.data.items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('complaints.ncr_register.number')}</th>
                <th scope="col">{t('complaints.ncr_register.recorded')}</th>
                <th scope="col">{t('complaints.ncr_register.gd')}</th>
                <th scope="col">{t('complaints.ncr_register.sections')}</th>
                <th scope="col">{t('complaints.ncr_register.substance')}</th>
                <th scope="col">{t('complaints.ncr_register.referred')}</th>
                <th scope="col">{t('complaints.ncr_register.officer')}</th>
              </tr>
            </thead>
            <tbody>
              {reg.data.items.map((n) => (
                <tr key={n.id}>
                  <td data-label={t('complaints.ncr_register.number')}>{n.ncrNumber}</td>
                  <td data-label={t('complaints.ncr_register.recorded')}>{formatDateTime(n.recordedAt, lang)}</td>
                  <td data-label={t('complaints.ncr_register.gd')}>
                    {t('complaints.ncr_register.gd_entry', { no: n.gdEntry.entryNo, date: formatDate(n.gdEntry.date, lang) })}
                  </td>
                  <td data-label={t('complaints.ncr_register.sections')}>{n.sections.map((x) => `${x.act} ${x.section}`).join(', ')}</td>
                  <td data-label={t('complaints.ncr_register.substance')}>{n.substance}</td>
                  <td data-label={t('complaints.ncr_register.referred')}>{n.referredTo}</td>
                  <td data-label={t('complaints.ncr_register.officer')}>{n.officer.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
