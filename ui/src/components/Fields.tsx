//! Inspector form fields that keep a local draft and commit on blur or Enter (Escape reverts).
import { useEffect, useState, type KeyboardEvent } from "react";
import { isIsoDate } from "../model/format";
import { Input } from "./Input";

type FieldProps = {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  testId?: string;
  placeholder?: string;
  list?: string;
  hint?: string;
};

function useDraft(value: string) {
  const [draft, setDraft] = useState(value);
  // A new value from Rust (undo, another view) replaces the draft.
  useEffect(() => setDraft(value), [value]);
  return [draft, setDraft] as const;
}

export function TextField({ label, value, onCommit, testId, placeholder, list, multiline, type = "text" }: FieldProps & {
  multiline?: boolean;
  type?: "text" | "number";
}) {
  const [draft, setDraft] = useDraft(value);
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    // Enter commits; Shift+Enter is a new line in the long text fields.
    if (event.key === "Enter" && !(multiline && event.shiftKey)) {
      event.preventDefault();
      commit();
    }
    if (event.key === "Escape") setDraft(value);
  };
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      {multiline ? (
        <textarea data-testid={testId} value={draft} placeholder={placeholder} rows={3}
          onChange={(e) => setDraft(e.target.value)} onBlur={commit} onKeyDown={onKeyDown} />
      ) : (
        <Input data-testid={testId} type={type} value={draft} placeholder={placeholder} list={list}
          step={type === "number" ? "any" : undefined} min={type === "number" ? 0 : undefined}
          onChange={(e) => setDraft(e.target.value)} onBlur={commit} onKeyDown={onKeyDown} />
      )}
    </label>
  );
}

/**
 * A date typed as YYYY-MM-DD, the one way dates are written in Throughline. Not the browser's
 * date input: WebKitGTK shows an empty one as a grey mm/dd/yyyy of today, which reads as a value.
 * Blank clears the date; anything that is not a real date stays in the field, marked, unsaved.
 */
export function DateField({ label, value, onCommit, testId }: Omit<FieldProps, "placeholder" | "list">) {
  const [draft, setDraft] = useDraft(value);
  const valid = draft.trim() === "" || isIsoDate(draft.trim());
  const commit = () => {
    if (valid && draft.trim() !== value) onCommit(draft.trim());
  };
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <Input data-testid={testId} value={draft} placeholder="YYYY-MM-DD" inputMode="numeric" maxLength={10}
        aria-invalid={!valid} title={valid ? "A date, written YYYY-MM-DD" : "Write the date as YYYY-MM-DD, e.g. 2027-03-31"}
        onChange={(e) => setDraft(e.target.value)} onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            commit();
          }
          if (e.key === "Escape") setDraft(value);
        }} />
    </label>
  );
}

/**
 * A choice that shows what was picked at once and keeps showing it while the edit is on its way
 * (a controlled select would flip back to the old value until Rust answers: two repaints of a
 * native select per edit, about 6 ms each in software, the first one delaying the answer).
 * Back to the value when the edit is refused (`onCommit` resolves to null).
 */
export function SelectField<T extends string>({ label, value, options, onCommit, testId }: {
  label: string;
  value: T;
  options: { value: T; label: string }[];
  onCommit: (value: T) => unknown;
  testId?: string;
}) {
  const [draft, setDraft] = useDraft(value);
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <select data-testid={testId} value={draft} onChange={(e) => {
        const chosen = e.target.value as T;
        setDraft(chosen);
        void Promise.resolve(onCommit(chosen)).then((answer) => {
          if (answer === null) setDraft(value);
        });
      }}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </label>
  );
}

/** Optional text: blank means absent (the field is dropped from the node). */
export const optional = (text: string) => (text.trim() === "" ? undefined : text);
