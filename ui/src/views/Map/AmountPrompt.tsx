//! Asks how much of a resource a new allocation takes (drag from a resource on the map).
import { useState } from "react";
import type { Node } from "../../bindings/Node";
import { Modal } from "../../components/Modal";

export function AmountPrompt({ resource, target, onSubmit, onClose }: {
  resource: Node;
  target: Node;
  onSubmit: (amount: number) => void;
  onClose: () => void;
}) {
  const [text, setText] = useState("");
  const amount = Number(text);
  const valid = text.trim() !== "" && Number.isFinite(amount) && amount >= 0;
  return (
    <Modal title="Allocate a resource" onClose={onClose} testId="amount-prompt">
      <p>How much of <strong>{resource.title}</strong> goes to <strong>{target.title}</strong>?</p>
      <form onSubmit={(e) => {
        e.preventDefault();
        if (valid) {
          onSubmit(amount);
          onClose();
        }
      }}>
        <label className="field">
          <span className="field-label">Amount{resource.unit ? ` (${resource.unit})` : ""}
            {resource.capacity !== undefined ? ` · capacity ${resource.capacity.toLocaleString()}` : ""}</span>
          <input data-testid="amount-prompt-input" type="number" min={0} step="any" value={text} autoFocus
            onChange={(e) => setText(e.target.value)} />
        </label>
        <div className="modal-actions">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="primary" data-testid="amount-prompt-submit" disabled={!valid}>Allocate</button>
        </div>
      </form>
    </Modal>
  );
}
