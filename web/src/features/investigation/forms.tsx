import { useState, type FormEvent, type ReactNode } from 'react';
import { useT } from '../../i18n/index.tsx';
import { Button, CheckboxField, ErrorAlert, SelectField, TextArea, TextField } from '../../components/ui.tsx';
import { fieldErrorsOf, requireFields } from '../../components/errors.ts';
import { useAction } from '../../components/hooks.ts';
import { istLocalToIso } from '../../lib/format.ts';

/**
 * A small form for one investigation record, described by its fields. Values become the JSON
 * body by kind (IST date-times to ISO instants, numbers, newline-separated lists, nested
 * "a.b" names to objects); empty fields are left out so the server's defaults apply (a time
 * left empty is "now"). Field errors from the server land on the field of the same name.
 */
export type Field =
  | { name: string; label: string; kind?: 'text' | 'textarea' | 'datetime' | 'number' | 'date'; required?: boolean; hint?: string }
  | { name: string; label: string; kind: 'select'; options: { value: string; label: string }[]; required?: boolean; hint?: string }
  | { name: string; label: string; kind: 'checkbox'; hint?: string; required?: undefined }
  | { name: string; label: string; kind: 'lines'; required?: boolean; hint?: string };

export type Values = Record<string, string | boolean>;

function setPath(o: Record<string, unknown>, path: string, v: unknown) {
  const parts = path.split('.');
  let cur = o;
  for (const p of parts.slice(0, -1)) cur = (cur[p] ??= {}) as Record<string, unknown>;
  cur[parts[parts.length - 1]] = v;
}

/** The JSON body of the form's values. */
export function bodyOf(fields: Field[], values: Values): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of fields) {
    const raw = values[f.name];
    if (f.kind === 'checkbox') {
      if (raw) setPath(body, f.name, true);
      continue;
    }
    const s = typeof raw === 'string' ? raw.trim() : '';
    if (!s) continue;
    if (f.kind === 'datetime') setPath(body, f.name, istLocalToIso(s));
    else if (f.kind === 'number') setPath(body, f.name, Number(s));
    else if (f.kind === 'lines')
      setPath(
        body,
        f.name,
        s
          .split('\n')
          .map((x) => x.trim())
          .filter(Boolean),
      );
    else setPath(body, f.name, s);
  }
  return body;
}

export function RecordForm({
  id,
  title,
  fields,
  submitLabel,
  initial = {},
  transform,
  send,
  onDone,
  open = false,
  intro,
}: {
  id: string;
  title: string;
  fields: Field[];
  submitLabel?: string;
  initial?: Values;
  /** Adjusts the body before it is sent (e.g. turning lines into objects). */
  transform?: (body: Record<string, unknown>, values: Values) => Record<string, unknown>;
  send: (body: Record<string, unknown>) => Promise<unknown>;
  onDone: (result: unknown) => void;
  open?: boolean;
  intro?: ReactNode;
}) {
  const { t } = useT();
  const [values, setValues] = useState<Values>(initial);
  const action = useAction(async () => {
    requireFields(
      values,
      fields.filter((f) => f.required).map((f) => f.name),
    );
    const body = bodyOf(fields, values);
    return send(transform ? transform(body, values) : body);
  });
  const errors = fieldErrorsOf(action.error, t);
  const labels = Object.fromEntries(fields.map((f) => [f.name, f.label]));
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await action.run();
    if (r !== undefined) {
      setValues(initial);
      onDone(r);
    }
  };
  const set = (n: string, v: string | boolean) => setValues((old) => ({ ...old, [n]: v }));
  return (
    <details className="record-form" open={open}>
      <summary>{title}</summary>
      <form onSubmit={onSubmit} noValidate aria-label={title}>
        {intro && <p className="muted">{intro}</p>}
        <ErrorAlert error={action.error} fieldLabels={labels} idPrefix={`${id}-`} />
        <FieldGrid id={id} fields={fields} values={values} errors={errors} onChange={set} />
        <div className="button-row">
          <Button type="submit" busy={action.busy}>
            {submitLabel ?? t('investigation.save')}
          </Button>
        </div>
      </form>
    </details>
  );
}

/** The inputs of a form described by its fields, each with its label, hint and server error; ids are `${id}-${name}`. */
export function FieldGrid({
  id,
  fields,
  values,
  errors,
  onChange,
}: {
  id: string;
  fields: Field[];
  values: Values;
  errors: Record<string, string>;
  onChange: (name: string, value: string | boolean) => void;
}) {
  const fid = (n: string) => `${id}-${n}`;
  return (
    <div className="form-grid">
      {fields.map((f) => {
        const common = { id: fid(f.name), label: f.label + (f.required ? ' *' : ''), hint: f.hint, error: errors[f.name] };
        const v = values[f.name];
        switch (f.kind) {
          case 'textarea':
          case 'lines':
            return (
              <TextArea
                key={f.name}
                {...common}
                rows={f.kind === 'lines' ? 3 : 4}
                value={typeof v === 'string' ? v : ''}
                onChange={(e) => onChange(f.name, e.target.value)}
              />
            );
          case 'select':
            return (
              <SelectField
                key={f.name}
                {...common}
                value={typeof v === 'string' ? v : ''}
                onChange={(e) => onChange(f.name, e.target.value)}
              >
                <option value="">—</option>
                {f.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </SelectField>
            );
          case 'checkbox':
            return <CheckboxField key={f.name} {...common} checked={v === true} onChange={(e) => onChange(f.name, e.target.checked)} />;
          default:
            return (
              <TextField
                key={f.name}
                {...common}
                type={f.kind === 'datetime' ? 'datetime-local' : f.kind === 'number' ? 'number' : f.kind === 'date' ? 'date' : 'text'}
                value={typeof v === 'string' ? v : ''}
                onChange={(e) => onChange(f.name, e.target.value)}
              />
            );
        }
      })}
    </div>
  );
}
