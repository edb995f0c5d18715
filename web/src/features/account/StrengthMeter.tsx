import { useEffect, useState } from 'react';
import { api } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { estimateStrength } from './strength.ts';

interface CheckAnswer {
  ok: boolean;
  reasons?: (string | { code: string; message?: string; messageHi?: string })[];
  strength?: number;
}

/**
 * The strength meter under a new password: a bar and a word, with the reasons a password
 * would be refused. The browser's estimate shows at once; the server's check
 * (POST /auth/password/check: common passwords, the user's own names) follows after a pause.
 */
export function StrengthMeter({
  id,
  password,
  username,
  onVerdict,
}: {
  id: string;
  password: string;
  username?: string;
  onVerdict?: (ok: boolean | undefined) => void;
}) {
  const { t, lang } = useT();
  const local = estimateStrength(password);
  const [server, setServer] = useState<{ for: string; answer: CheckAnswer } | undefined>();

  useEffect(() => {
    if (!password) return;
    const ctrl = new AbortController();
    const timer = window.setTimeout(() => {
      api
        .post<CheckAnswer>('/auth/password/check', { password, ...(username ? { username } : {}) }, { quiet: true, signal: ctrl.signal })
        .then((answer) => setServer({ for: password, answer }))
        .catch(() => undefined); // the browser's estimate stands
    }, 400);
    return () => {
      window.clearTimeout(timer);
      ctrl.abort();
    };
  }, [password, username]);

  const checked = server && server.for === password ? server.answer : undefined;
  useEffect(() => onVerdict?.(checked ? checked.ok : undefined), [checked, onVerdict]);

  if (!password) return <div id={id} className="strength" aria-live="polite" />;

  let score: number = local.score;
  if (checked) score = checked.ok ? Math.max(1, Math.min(4, checked.strength ?? local.score)) : 0;
  const word = t(`account.strength.level.${score}`);

  const reasonText = (r: CheckAnswer['reasons'] extends (infer R)[] | undefined ? R : never): string => {
    if (typeof r !== 'string') return (lang === 'hi' && r.messageHi) || r.message || t(`account.strength.reason.${r.code}`);
    const key = `account.strength.reason.${r}`;
    const s = t(key);
    return s === key ? r : s;
  };
  const reasons = checked ? (checked.reasons ?? []).map(reasonText) : local.reasons.map((r) => t(`account.strength.reason.${r}`));

  return (
    <div id={id} className={`strength strength-${score}`} aria-live="polite">
      <div className="strength-bar" aria-hidden="true">
        {[1, 2, 3, 4].map((i) => (
          <span key={i} className={i <= score ? 'on' : ''} />
        ))}
      </div>
      <p className="strength-word">{t('account.strength.label', { level: word })}</p>
      {reasons.length > 0 && (
        <ul className="strength-reasons">
          {reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
