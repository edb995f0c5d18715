import { useState, type FormEvent } from 'react';

/**
 * The field errors of a form's last answer, less those of the fields edited since: an officer
 * who corrects a field sees its error go at once, while the other fields keep theirs until the
 * next submit.
 *
 * A field is known by its id, the request path after `prefix` ("fir-complainant.phone" is
 * complainant.phone), so `onChange` on the <form> hears every field, rows included; a control
 * that changes no field by typing (a picker's list) calls `edited(path)` itself. Editing a path
 * clears its own error, those under it ("sections" clears "sections.0") and those of the names
 * `also[path]` lists (the server may name the same field another way).
 */
export function useEditedFields(error: unknown, prefix: string, also: Record<string, readonly string[]> = {}) {
  const [edits, setEdits] = useState<{ error: unknown; paths: readonly string[] }>({ error: null, paths: [] });
  // Edits count against the answer they followed: a new answer shows all of its errors.
  const paths = edits.error === error ? edits.paths : [];
  const edited = (path: string) => setEdits((x) => ({ error, paths: [...(x.error === error ? x.paths : []), path] }));
  const cleared = (key: string) => paths.some((p) => key === p || key.startsWith(`${p}.`) || also[p]?.includes(key));
  return {
    edited,
    onChange: (e: FormEvent<HTMLFormElement>) => {
      const id = (e.target as HTMLElement).id;
      if (id.startsWith(prefix)) edited(id.slice(prefix.length));
    },
    /** The errors still to show next to their fields. */
    shown: (errors: Record<string, string>) => Object.fromEntries(Object.entries(errors).filter(([k]) => !cleared(k))),
  };
}
