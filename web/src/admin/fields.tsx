// Small labelled form fields for the operator console.
import type { InputHTMLAttributes } from 'preact';
import { tr } from '../shared/i18n.ts';
import { STAFF } from '../staff/strings.ts';

export function Field(
  props: { id: string; label: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>,
) {
  const { id, label, ...input } = props;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} name={id} {...(input as Record<string, unknown>)} />
    </div>
  );
}

/** Reads a form's named values as strings. */
export function formValues(e: Event): Record<string, string> {
  e.preventDefault();
  const out: Record<string, string> = {};
  for (const [k, v] of new FormData(e.currentTarget as HTMLFormElement)) out[k] = String(v);
  return out;
}

/** A datetime-local value ("2026-12-03T09:00") as an ISO instant in the browser's zone. */
export function localToIso(value: string): string {
  return new Date(value).toISOString();
}

/** The last cell of a list row: a small button that opens the row's edit form. */
export function EditCell(props: { text: string; label: string; onEdit: () => void }) {
  return (
    <td>
      <button type="button" class="small secondary" onClick={props.onEdit} aria-label={props.label}>
        {props.text}
      </button>
    </td>
  );
}

/** The button under a list that opens the form for a new entry. */
export function AddButton(props: { text: string; onAdd: () => void }) {
  return (
    <p>
      <button type="button" onClick={props.onAdd}>
        {props.text}
      </button>
    </p>
  );
}

/** Save and cancel under an edit form; save waits while the request runs. */
export function SaveCancel(props: { busy: boolean; onCancel: () => void }) {
  const s = tr(STAFF);
  return (
    <div class="row">
      <button type="submit" disabled={props.busy}>
        {s.save}
      </button>
      <button type="button" class="secondary" onClick={props.onCancel}>
        {s.cancel}
      </button>
    </div>
  );
}
