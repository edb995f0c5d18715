import type { FormEvent, ReactNode } from 'react';
import { Button, ErrorAlert } from './ui.tsx';

/** What a form needs of a `useAction`: its last error, whether it is running, and how to run it. */
export interface FormAction {
  error: unknown;
  busy: boolean;
  run: () => Promise<unknown>;
}

export interface ActionFormProps {
  action: FormAction;
  /** The submit button's text. */
  submit: ReactNode;
  /** Labels of the fields the error may name; `idPrefix` + a field's name is its control's id. */
  fieldLabels?: Record<string, string>;
  idPrefix?: string;
  /** A named field's control id (after the prefix) where it is not the field's name. */
  fieldIds?: Record<string, string>;
  /** Shown above the error (a heading and hint inside the form). */
  head?: ReactNode;
  labelledBy?: string;
  /** The form's classes: "form" by default; "form card" for a form that is a card of its own. */
  className?: string;
  /** The submit button's look: primary by default; danger for an action that ends something. */
  variant?: 'primary' | 'danger';
  /**
   * Puts the submit button in a button row, at its own width, with what is given beside it (a
   * "back" link, "send a new code"); `true` for the button alone. Without it the button spans
   * the form.
   */
  buttonRow?: ReactNode;
  children?: ReactNode;
}

/**
 * A form that does one thing: submitting runs the action (the browser's own checks are off: the
 * action checks, then the server), the error of its last run comes first with a link to each
 * field it names, the fields next, and the submit button last.
 */
export function ActionForm({
  action,
  submit,
  fieldLabels,
  idPrefix,
  fieldIds,
  head,
  labelledBy,
  className = 'form',
  variant,
  buttonRow,
  children,
}: ActionFormProps) {
  const button = (
    <Button type="submit" busy={action.busy} variant={variant}>
      {submit}
    </Button>
  );
  return (
    <form
      className={className}
      noValidate
      aria-labelledby={labelledBy}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void action.run();
      }}
    >
      {head}
      <ErrorAlert error={action.error} fieldLabels={fieldLabels} idPrefix={idPrefix} fieldIds={fieldIds} />
      {children}
      {buttonRow === undefined ? (
        button
      ) : (
        <div className="button-row">
          {button}
          {buttonRow}
        </div>
      )}
    </form>
  );
}

/** A card of its own for one action: its heading (`id` names it), an introduction, and the ActionForm. */
export function ActionCard({ id, title, intro, ...form }: { id: string; title: ReactNode; intro?: ReactNode } & ActionFormProps) {
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {intro}
      <ActionForm {...form} />
    </section>
  );
}
