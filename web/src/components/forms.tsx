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
  /** Shown above the error (a heading and hint inside the form). */
  head?: ReactNode;
  labelledBy?: string;
  children?: ReactNode;
}

/**
 * A form that does one thing: submitting runs the action (the browser's own checks are off: the
 * action checks, then the server), the error of its last run comes first with a link to each
 * field it names, the fields next, and the submit button last.
 */
export function ActionForm({ action, submit, fieldLabels, idPrefix, head, labelledBy, children }: ActionFormProps) {
  return (
    <form
      className="form"
      noValidate
      aria-labelledby={labelledBy}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void action.run();
      }}
    >
      {head}
      <ErrorAlert error={action.error} fieldLabels={fieldLabels} idPrefix={idPrefix} />
      {children}
      <Button type="submit" busy={action.busy}>
        {submit}
      </Button>
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
