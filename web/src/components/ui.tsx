import {
  useEffect,
  useId,
  useRef,
  useState,
  type ButtonHTMLAttributes,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { useT } from '../i18n/index.tsx';
import { errorText, fieldErrorsOf } from './errors.ts';
import { useSession } from '../session.tsx';

let firstPage = true;

/**
 * A screen's title: sets document.title and, after a navigation, moves focus to the heading so
 * screen-reader users hear where they are (WCAG 2.4.3).
 */
export function Page({ title, children, actions, narrow }: { title: string; children: ReactNode; actions?: ReactNode; narrow?: boolean }) {
  const { t, lang } = useT();
  const { meta } = useSession();
  const h1 = useRef<HTMLHeadingElement>(null);
  const state = meta ? (lang === 'hi' ? meta.stateNameHi : meta.stateName) : '';
  useEffect(() => {
    document.title = [title, t('app.short_name'), state].filter(Boolean).join(' · ');
  }, [title, state, t]);
  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    h1.current?.focus({ preventScroll: false });
  }, []);
  return (
    <div className={narrow ? 'page page-narrow' : 'page'}>
      <div className="page-head">
        <h1 ref={h1} tabIndex={-1}>
          {title}
        </h1>
        {actions && <div className="page-actions">{actions}</div>}
      </div>
      {children}
    </div>
  );
}

/**
 * The error of a form or a screen, read out at once (role=alert). Field errors are listed as
 * links to their fields, and the alert takes focus so keyboard users land on it.
 */
export function ErrorAlert({
  error,
  fieldLabels,
  idPrefix = '',
  fieldIds,
}: {
  error: unknown;
  fieldLabels?: Record<string, string>;
  idPrefix?: string;
  /** Where a field the server names has a control of another name (its id after the prefix). */
  fieldIds?: Record<string, string>;
}) {
  const { t, lang } = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return <div role="alert" className="sr-only" />;
  const fields = fieldErrorsOf(error, t);
  const names = Object.keys(fields);
  return (
    <div ref={ref} role="alert" className="alert alert-error" tabIndex={-1}>
      <p className="alert-title">{errorText(error, lang, t)}</p>
      {names.length > 0 && (
        <ul>
          {names.map((n) => (
            <li key={n}>
              <a href={`#${idPrefix}${fieldIds?.[n] ?? n}`}>
                {fieldLabels?.[n] ?? n}: {fields[n]}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Notice({
  kind = 'info',
  children,
  live = true,
}: {
  kind?: 'info' | 'success' | 'warning';
  children: ReactNode;
  live?: boolean;
}) {
  return (
    <div className={`alert alert-${kind}`} role={live ? 'status' : undefined}>
      {children}
    </div>
  );
}

interface FieldShell {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  id?: string;
  className?: string;
}

/** Label, hint and error tied to the control by id / aria-describedby / aria-invalid. */
function useFieldIds(id: string | undefined, hint: unknown, error: unknown) {
  const auto = useId();
  const fid = id ?? auto;
  const hintId = hint ? `${fid}-hint` : undefined;
  const errId = error ? `${fid}-error` : undefined;
  return { fid, hintId, errId, describedBy: [hintId, errId].filter(Boolean).join(' ') || undefined };
}

function FieldFrame({
  fid,
  label,
  hint,
  hintId,
  error,
  errId,
  className,
  children,
}: { fid: string; hintId?: string; errId?: string } & FieldShell & { children: ReactNode }) {
  return (
    <div className={`field ${error ? 'field-invalid' : ''} ${className ?? ''}`}>
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
      {children}
    </div>
  );
}

export function TextField({ label, hint, error, id, className, ...input }: FieldShell & InputHTMLAttributes<HTMLInputElement>) {
  const ids = useFieldIds(id, hint, error);
  return (
    <FieldFrame fid={ids.fid} label={label} hint={hint} hintId={ids.hintId} error={error} errId={ids.errId} className={className}>
      <input id={ids.fid} aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} {...input} />
    </FieldFrame>
  );
}

export function TextArea({ label, hint, error, id, className, ...input }: FieldShell & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const ids = useFieldIds(id, hint, error);
  return (
    <FieldFrame fid={ids.fid} label={label} hint={hint} hintId={ids.hintId} error={error} errId={ids.errId} className={className}>
      <textarea id={ids.fid} aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} {...input} />
    </FieldFrame>
  );
}

export function SelectField({
  label,
  hint,
  error,
  id,
  className,
  children,
  ...input
}: FieldShell & SelectHTMLAttributes<HTMLSelectElement>) {
  const ids = useFieldIds(id, hint, error);
  return (
    <FieldFrame fid={ids.fid} label={label} hint={hint} hintId={ids.hintId} error={error} errId={ids.errId} className={className}>
      <select id={ids.fid} aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} {...input}>
        {children}
      </select>
    </FieldFrame>
  );
}

export function CheckboxField({ label, hint, error, id, className, ...input }: FieldShell & InputHTMLAttributes<HTMLInputElement>) {
  const ids = useFieldIds(id, hint, error);
  return (
    <div className={`field field-check ${error ? 'field-invalid' : ''} ${className ?? ''}`}>
      {error && (
        <div id={ids.errId} className="field-error">
          {error}
        </div>
      )}
      <div className="check-row">
        <input type="checkbox" id={ids.fid} aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} {...input} />
        <label htmlFor={ids.fid}>{label}</label>
      </div>
      {hint && (
        <div id={ids.hintId} className="hint">
          {hint}
        </div>
      )}
    </div>
  );
}

export function Button({
  busy,
  variant = 'primary',
  children,
  disabled,
  type = 'button',
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { busy?: boolean; variant?: 'primary' | 'secondary' | 'danger' | 'link' }) {
  return (
    <button type={type} className={`btn btn-${variant}`} disabled={disabled || busy} aria-busy={busy || undefined} {...rest}>
      {children}
    </button>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useT();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" /> {label ?? t('common.loading')}
    </p>
  );
}

/** Copies text to the clipboard and says so politely. */
export function CopyButton({ text, label }: { text: string; label?: string }) {
  const { t } = useT();
  const [done, setDone] = useState(false);
  return (
    <>
      <Button
        variant="secondary"
        onClick={() => {
          void navigator.clipboard?.writeText(text).then(
            () => setDone(true),
            () => setDone(false),
          );
        }}
      >
        {label ?? t('common.copy')}
      </Button>
      <span role="status" className="copy-status">
        {done ? t('common.copied') : ''}
      </span>
    </>
  );
}

/** A modal dialog on the native <dialog> (focus stays inside, Escape closes). */
export function Dialog({
  open,
  title,
  children,
  onClose,
  role = 'dialog',
  describedBy,
  dismissible = true,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  onClose: () => void;
  role?: 'dialog' | 'alertdialog';
  describedBy?: string;
  /** False: Escape does not close it (a warning that needs an answer). */
  dismissible?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      role={role}
      onClose={onClose}
      onCancel={(e) => {
        if (!dismissible) e.preventDefault();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}

/** Key–value pairs. */
export function Facts({ items }: { items: [ReactNode, ReactNode][] }) {
  return (
    <dl className="facts">
      {items.map(([k, v], i) => (
        <div key={i}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
