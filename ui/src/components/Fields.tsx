//! Inspector form fields that keep a local draft and commit on blur or Enter (Escape reverts).
import { useEffect, useState, type KeyboardEvent } from "react";

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
  type?: "text" | "date" | "number";
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
        <input data-testid={testId} type={type} value={draft} placeholder={placeholder} list={list}
          step={type === "number" ? "any" : undefined} min={type === "number" ? 0 : undefined}
          onChange={(e) => setDraft(e.target.value)} onBlur={commit} onKeyDown={onKeyDown} />
      )}
    </label>
  );
}

export function SelectField<T extends string>({ label, value, options, onCommit, testId }: {
  label: string;
  value: T;
  options: { value: T; label: string }[];
  onCommit: (value: T) => void;
  testId?: string;
}) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <select data-testid={testId} value={value} onChange={(e) => onCommit(e.target.value as T)}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </label>
  );
}

/** Optional text: blank means absent (the field is dropped from the node). */
export const optional = (text: string) => (text.trim() === "" ? undefined : text);
