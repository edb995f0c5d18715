import { useT } from '../../i18n/index.tsx';
import { Facts } from '../../components/ui.tsx';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { pick } from '../citizen/labels.ts';
import type { PublicCaseStatus } from '../citizen/types.ts';

/** What the public may know of a case: stage, dates, arrests (a count), court, the IO's rank, the station's phone. */
export function CaseFacts({ s }: { s: PublicCaseStatus }) {
  const { t, lang } = useT();
  const none = t('public.none_yet');
  const items: [string, string][] = [
    [
      t('public.field.fir'),
      `${s.firNumber} · ${pick(lang, s.station.name, s.station.nameHi)} (${s.station.code}), ${pick(lang, s.district.name, s.district.nameHi)}`,
    ],
    [t('public.field.registered'), formatDate(s.registeredOn, lang)],
    [
      t('public.field.sections'),
      s.sections
        .map((x) => `${x.act} ${x.section}${pick(lang, x.titleEn, x.titleHi) ? ` — ${pick(lang, x.titleEn, x.titleHi)}` : ''}`)
        .join('; '),
    ],
    [
      t('public.field.stage'),
      `${pick(lang, s.stageLabelEn, s.stageLabelHi)}${s.resultLabelEn ? ` (${pick(lang, s.resultLabelEn, s.resultLabelHi)})` : ''}`,
    ],
    [t('public.field.last_change'), formatDate(s.lastChangedOn, lang)],
    [
      t('public.field.arrests'),
      s.arrestCount === null ? none : s.arrestCount === 0 ? t('public.no_arrest') : formatNumber(s.arrestCount, lang),
    ],
    s.finalReportDate
      ? [t('public.field.closure_report'), formatDate(s.finalReportDate, lang)]
      : [t('public.field.charge_sheet'), s.chargeSheetDate ? formatDate(s.chargeSheetDate, lang) : none],
    [t('public.field.court'), s.court ? pick(lang, s.court.name, s.court.nameHi) : none],
    [t('public.field.next_hearing'), s.nextHearingDate ? formatDate(s.nextHearingDate, lang) : none],
    [
      t('public.field.io'),
      s.investigatingOfficer?.rank
        ? `${pick(lang, s.investigatingOfficer.rank.labelEn, s.investigatingOfficer.rank.labelHi)}${s.investigatingOfficer.name ? ` — ${s.investigatingOfficer.name}` : ''}`
        : none,
    ],
    [t('public.field.station_phone'), s.station.phone ?? none],
  ];
  if (s.transferredTo) items.push([t('public.field.transferred'), `${s.transferredTo.stationCode ?? ''} ${s.transferredTo.firNumber}`]);
  return <Facts items={items} />;
}
