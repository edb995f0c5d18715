import type { Lang } from '../../i18n/catalog.ts';
import { CASE_WORKFLOW, isCaseStage } from '../../../../server/src/modules/investigation/workflow.ts';

/** A stage's name from the workflow table the server enforces; an unknown stage shows as it is. */
export function stageLabel(stage: string, lang: Lang): string {
  return isCaseStage(stage) ? CASE_WORKFLOW[stage].label[lang] : stage;
}

/** A section with its title in the UI language: "BNS 303(2) (Theft)". */
export function sectionText(s: { act: string; section: string; titleEn?: string | null; titleHi?: string | null }, lang: Lang): string {
  const title = lang === 'hi' && s.titleHi ? s.titleHi : s.titleEn;
  return `${s.act} ${s.section}${title ? ` (${title})` : ''}`;
}

/** IIF-1 item 3(a): the day of the week of the occurrence, in India. */
export function weekday(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat(lang === 'hi' ? 'hi-IN' : 'en-IN', { timeZone: 'Asia/Kolkata', weekday: 'long' }).format(d);
}
