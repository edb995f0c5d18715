import { forwardRef, useId, useState, type InputHTMLAttributes, type ReactNode } from 'react';
import { useT } from '../../i18n/index.tsx';

/** A password field with a Show/Hide button, its label, hint and error tied to the input. */
export const PasswordInput = forwardRef<
  HTMLInputElement,
  InputHTMLAttributes<HTMLInputElement> & { label: ReactNode; hint?: ReactNode; error?: string; describedBy?: string }
>(function PasswordInput({ label, hint, error, id, describedBy, ...input }, ref) {
  const { t } = useT();
  const auto = useId();
  const fid = id ?? auto;
  const [shown, setShown] = useState(false);
  const hintId = hint ? `${fid}-hint` : undefined;
  const errId = error ? `${fid}-error` : undefined;
  return (
    <div className={`field ${error ? 'field-invalid' : ''}`}>
      <label htmlFor={fid}>{label}</label>
      {hint && (
        <div id={hintId} className="hint">
          {hint}
        </div>
      )}
      {error && (
        <div id={errId} className="field-error">
          {error}
        </div>
      )}
      <div className="password-row">
        <input
          ref={ref}
          id={fid}
          type={shown ? 'text' : 'password'}
          spellCheck={false}
          autoCapitalize="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={[hintId, errId, describedBy].filter(Boolean).join(' ') || undefined}
          {...input}
        />
        <button
          type="button"
          className="btn btn-secondary btn-show"
          aria-pressed={shown}
          aria-controls={fid}
          onClick={() => setShown((s) => !s)}
        >
          {shown ? t('auth.password.hide') : t('auth.password.show')}
        </button>
      </div>
    </div>
  );
});
