// Small labelled form fields for the operator console.
import type { InputHTMLAttributes } from 'preact';

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
