import { forwardRef, useCallback, useEffect, useImperativeHandle, useState } from 'react';
import { api } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { Button } from '../../components/ui.tsx';
import { errorText } from '../../components/errors.ts';

/** GET /auth/captcha answers an image (SVG) or, for kind=text, a question to read out. */
export interface CaptchaAnswer {
  captchaId: string;
  kind?: 'image' | 'text';
  image?: string;
  question?: string;
  questionHi?: string;
}

export interface CaptchaHandle {
  /** Fetches a new captcha (after any attempt: each one is single use) and clears the answer. */
  reload: () => void;
}

export interface CaptchaValue {
  captchaId: string | undefined;
  captchaAnswer: string;
}

function imageSrc(img: string): string {
  if (img.startsWith('data:')) return img;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(img)}`;
}

/**
 * The captcha block of the login and forgot-password forms: the image, a Refresh button, and
 * a text question for people who cannot see the image (WCAG 2.2 SC 3.3.8).
 */
export const Captcha = forwardRef<
  CaptchaHandle,
  { idPrefix: string; value: CaptchaValue; onChange: (v: CaptchaValue) => void; error?: string }
>(function Captcha({ idPrefix, value, onChange, error }, ref) {
  const { t, lang } = useT();
  const [kind, setKind] = useState<'image' | 'text'>('image');
  const [captcha, setCaptcha] = useState<CaptchaAnswer | undefined>();
  const [loadError, setLoadError] = useState<unknown>(null);
  const [announce, setAnnounce] = useState('');

  const load = useCallback(
    (k: 'image' | 'text', say?: string) => {
      setLoadError(null);
      api
        .get<CaptchaAnswer>(`/auth/captcha${k === 'text' ? '?kind=text' : ''}`, { quiet: true })
        .then((c) => {
          setCaptcha(c);
          onChange({ captchaId: c.captchaId, captchaAnswer: '' });
          if (say) setAnnounce(say);
        })
        .catch((e: unknown) => setLoadError(e));
    },
    // onChange is the parent's state setter, stable for the component's life.
    [],
  );

  useEffect(() => load('image'), [load]);
  useImperativeHandle(ref, () => ({ reload: () => load(kind, t('auth.captcha.renewed')) }), [load, kind, t]);

  const inputId = `${idPrefix}captchaAnswer`;
  const hintId = `${inputId}-hint`;
  const errId = `${inputId}-error`;
  const question = captcha?.question ? (lang === 'hi' && captcha.questionHi ? captcha.questionHi : captcha.question) : undefined;

  return (
    <fieldset className={`captcha ${error ? 'field-invalid' : ''}`} data-captcha-id={captcha?.captchaId}>
      <legend>{t('auth.captcha.legend')}</legend>
      {loadError ? (
        <p className="field-error">{errorText(loadError, lang, t)}</p>
      ) : (
        <div className="captcha-row">
          {question ? (
            <p className="captcha-question" id={`${idPrefix}captcha-question`}>
              {question}
            </p>
          ) : captcha?.image ? (
            <img className="captcha-img" src={imageSrc(captcha.image)} alt={t('auth.captcha.image_alt')} width={180} height={60} />
          ) : (
            <span className="captcha-img captcha-placeholder" aria-hidden="true" />
          )}
          <Button variant="secondary" onClick={() => load(kind, t('auth.captcha.renewed'))}>
            <span aria-hidden="true">↻</span> {t('auth.captcha.refresh')}
          </Button>
        </div>
      )}
      <button
        type="button"
        className="btn btn-link"
        onClick={() => {
          const next = kind === 'image' ? 'text' : 'image';
          setKind(next);
          load(next, next === 'text' ? t('auth.captcha.switched_text') : t('auth.captcha.switched_image'));
        }}
      >
        {kind === 'image' ? t('auth.captcha.use_text') : t('auth.captcha.use_image')}
      </button>
      <div className="field">
        <label htmlFor={inputId}>{question ? t('auth.captcha.answer_label_text') : t('auth.captcha.answer_label')}</label>
        <div id={hintId} className="hint">
          {question ? t('auth.captcha.hint_text') : t('auth.captcha.hint')}
        </div>
        {error && (
          <div id={errId} className="field-error">
            {error}
          </div>
        )}
        <input
          id={inputId}
          name="captchaAnswer"
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          inputMode={question ? 'numeric' : 'text'}
          maxLength={50}
          required
          value={value.captchaAnswer}
          onChange={(e) => onChange({ ...value, captchaAnswer: e.target.value })}
          aria-invalid={error ? true : undefined}
          aria-describedby={[question ? `${idPrefix}captcha-question` : '', hintId, error ? errId : ''].filter(Boolean).join(' ')}
        />
      </div>
      <span className="sr-only" role="status">
        {announce}
      </span>
    </fieldset>
  );
});
