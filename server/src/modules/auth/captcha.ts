import { randomInt } from 'node:crypto';
import svgCaptchaModule from 'svg-captcha';
import type { Deps } from '../../http/types.js';
import { AppError } from '../../lib/errors.js';
import { isUuid, newId } from '../../lib/ids.js';
import { serverKeys } from './keys.js';
import * as repo from './repository.js';

/**
 * The captcha of the login and forgot-password forms: made on the server, single use, valid for
 * 5 minutes, case-insensitive, stored only as an HMAC and never sent back as text. Rate limits,
 * not the captcha, are the real control against guessing; the captcha keeps casual scripts out.
 *
 * Two kinds answer the same way (captchaId + captchaAnswer):
 *  - image: five letters and digits drawn as SVG paths (no <text> a script could read);
 *  - text: a short arithmetic question in words, in English and Hindi, for screen-reader users
 *    (WCAG 2.2 SC 3.3.8). No audio is generated: a question in text is read aloud by the user's
 *    own screen reader in their language, and needs no extra files or voices on the server.
 */
export const CAPTCHA_TTL_MS = 5 * 60_000;
// The package's module.exports is itself the renderer of a given text; its types omit that.
const renderSvg = svgCaptchaModule as unknown as (text: string, options: Record<string, unknown>) => string;
// No look-alikes (0/o, 1/l/i): the answer is compared case-insensitively anyway.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const EN = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const HI = ['शून्य', 'एक', 'दो', 'तीन', 'चार', 'पाँच', 'छह', 'सात', 'आठ', 'नौ'];

export type CaptchaKind = 'image' | 'text';

export interface NewCaptcha {
  captchaId: string;
  kind: CaptchaKind;
  /** image: an SVG as a data: URL, for <img src>. */
  image?: string;
  /** text: the question, to show as text and let a screen reader read. */
  question?: string;
  questionHi?: string;
  expiresAt: Date;
}

/** Answers kept in memory only while the test hook is on (NODE_ENV=test or CAPTCHA_TEST_HOOK=on). */
export class TestAnswers {
  private readonly m = new Map<string, { answer: string; until: number }>();
  set(id: string, answer: string, until: Date) {
    if (this.m.size > 5000) for (const [k, v] of this.m) if (v.until < Date.now()) this.m.delete(k);
    this.m.set(id, { answer, until: until.getTime() });
  }
  get(id: string): string | undefined {
    return this.m.get(id)?.answer;
  }
  delete(id: string) {
    this.m.delete(id);
  }
}

export const captchaTestHookEnabled = (config: Deps['config']): boolean => config.NODE_ENV === 'test' || config.CAPTCHA_TEST_HOOK === 'on';

export const captchaMismatch = () =>
  new AppError(400, 'captcha_mismatch', 'The captcha did not match; a new one is shown.', 'कैप्चा मेल नहीं खाया; नया कैप्चा दिखाया गया है।', {
    captchaAnswer: 'did not match',
  });

/** Lower-case, no spaces, Devanagari digits as ASCII ("१२" is "12"). */
export function normaliseCaptchaAnswer(a: string): string {
  return a
    .normalize('NFKC')
    .replace(/[\u0966-\u096F]/g, (d) => String(d.charCodeAt(0) - 0x0966))
    .replace(/\s+/g, '')
    .toLowerCase();
}

function textQuestion(): { answer: string; question: string; questionHi: string } {
  const a = randomInt(2, 10);
  const b = randomInt(1, 10);
  if (randomInt(2) === 0 || b >= a) {
    return {
      answer: String(a + b),
      question: `What is ${EN[a]} plus ${EN[b]}? Type the answer in digits.`,
      questionHi: `${HI[a]} और ${HI[b]} का जोड़ कितना है? उत्तर अंकों में लिखें।`,
    };
  }
  return {
    answer: String(a - b),
    question: `What is ${EN[a]} minus ${EN[b]}? Type the answer in digits.`,
    questionHi: `${HI[a]} में से ${HI[b]} घटाने पर कितना बचता है? उत्तर अंकों में लिखें।`,
  };
}

export async function createCaptcha(deps: Deps, kind: CaptchaKind, testAnswers?: TestAnswers): Promise<NewCaptcha> {
  const keys = await serverKeys(deps.config, deps.db);
  const id = newId();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + CAPTCHA_TTL_MS);
  let answer: string;
  const out: NewCaptcha = { captchaId: id, kind, expiresAt };
  if (kind === 'text') {
    const q = textQuestion();
    answer = q.answer;
    out.question = q.question;
    out.questionHi = q.questionHi;
  } else {
    answer = Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    const svg = renderSvg(answer, { width: 160, height: 56, fontSize: 56, noise: 3, color: true, background: '#f4f6f8' });
    out.image = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  }
  await repo.insertCaptcha(deps.db.kysely, {
    id,
    kind,
    answer_hash: keys.mac('captcha', id, normaliseCaptchaAnswer(answer)),
    created_at: now,
    expires_at: expiresAt,
  });
  // Old captchas are of no use to anyone; clearing them here keeps the table small.
  if (randomInt(50) === 0) await repo.pruneCaptchas(deps.db.kysely, new Date(now.getTime() - 3600_000));
  testAnswers?.set(id, answer, expiresAt);
  return out;
}

/**
 * Checks (and uses up) a captcha. Does nothing when CAPTCHA=off. A missing, expired, used or
 * wrong captcha all answer captcha_mismatch; the form then fetches a new one.
 */
export async function verifyCaptcha(
  deps: Deps,
  captchaId: string | undefined,
  answer: string | undefined,
  testAnswers?: TestAnswers,
): Promise<void> {
  if (deps.config.CAPTCHA === 'off') return;
  if (!captchaId || !answer || !isUuid(captchaId)) throw captchaMismatch();
  const keys = await serverKeys(deps.config, deps.db);
  const row = await repo.consumeCaptcha(deps.db.kysely, captchaId, deps.clock.now());
  testAnswers?.delete(captchaId);
  if (!row || !keys.macEquals(row.answer_hash, 'captcha', captchaId, normaliseCaptchaAnswer(answer))) throw captchaMismatch();
}
