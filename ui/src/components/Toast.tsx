//! The one toast slot: refusals from Rust (with their code) and confirmations; auto-dismisses.
import { useEffect } from "react";
import { useStore } from "../state/store";
import { Icon, SeverityIcon } from "../theme/icons";

export function Toast() {
  const { state, dispatch } = useStore();
  const toast = state.toast;
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => dispatch({ type: "dismiss_toast", id: toast.id }), toast.tone === "error" ? 9000 : 5000);
    return () => clearTimeout(timer);
  }, [toast, dispatch]);
  if (!toast) return null;
  return (
    <div className={`toast toast-${toast.tone}`} role={toast.tone === "error" ? "alert" : "status"}
      data-testid="toast" data-code={toast.code}>
      {toast.tone === "error" ? <SeverityIcon severity="error" size={18} title="Refused" /> : <Icon name="check" size={18} />}
      <div className="toast-body">
        {toast.tone === "error" ? <strong>That change was refused</strong> : null}
        <span>{toast.message}</span>
      </div>
      {toast.action ? (
        <button type="button" className="toast-action" onClick={() => {
          toast.action!.run();
          dispatch({ type: "dismiss_toast", id: toast.id });
        }}>{toast.action.label}</button>
      ) : null}
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => dispatch({ type: "dismiss_toast", id: toast.id })}>
        <Icon name="close" size={14} />
      </button>
    </div>
  );
}
