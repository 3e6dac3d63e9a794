//! The outline: the plan as an indented tree, edited from the keyboard (Enter new sibling,
//! Tab/Shift+Tab level, F2 or typing renames, Delete removes, arrows move).
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { ConfirmDialog } from "../../components/Modal";
import { matchingIds } from "../../model/filter";
import { addFirst, addSibling, indent, outdent, outlineRows, removeEdit, renameEdit, type OutlineOp, type OutlineRow } from "../../model/outline";
import { showInfo, useActions } from "../../state/actions";
import { usePlan } from "../../state/store";
import { Icon } from "../../theme/icons";
import { OutlineRowView } from "./OutlineRowView";

const ROW_HEIGHT = 36;
/** Above this many rows only the visible ones are in the DOM. */
const WINDOW_ABOVE = 300;

/** Keeps matching rows and the rows above them that lead to a match; the rest are hidden. */
export function filterRows(rows: OutlineRow[], matches: Set<string> | null): { row: OutlineRow; context: boolean }[] {
  if (!matches) return rows.map((row) => ({ row, context: false }));
  const keep = new Array<boolean>(rows.length).fill(false);
  const below: boolean[] = [];
  for (let i = rows.length - 1; i >= 0; i--) {
    const d = rows[i].depth;
    const childKept = below[d + 1] ?? false;
    below[d + 1] = false;
    keep[i] = matches.has(rows[i].id) || childKept;
    if (keep[i]) below[d] = true;
  }
  return rows.flatMap((row, i) => (keep[i] ? [{ row, context: !matches.has(row.id) }] : []));
}

export function OutlineView() {
  const { planState, index, state, dispatch } = usePlan();
  const actions = useActions();
  const [collapsed, setCollapsed] = useState<Set<string>>(() => new Set());
  /** The title being edited; `fresh` when the node was made for it a moment ago (Enter). */
  const [editing, setEditing] = useState<{ id: string; text: string; fresh?: boolean; from?: string | null } | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const tree = useRef<HTMLDivElement>(null);

  const rows = useMemo(() => outlineRows(index, collapsed), [index, collapsed]);
  // The search box answers each keystroke at once; the tree follows when React has time.
  const filter = useDeferredValue(state.filter);
  const matches = useMemo(() => matchingIds(planState.plan.nodes, filter, index), [planState.plan.nodes, filter, index]);
  const visible = useMemo(() => filterRows(rows, matches), [rows, matches]);
  const selectedAt = visible.findIndex((v) => v.row.id === state.selected);
  const select = useCallback((id: string) => dispatch({ type: "select", id }), [dispatch]);

  useEffect(() => {
    const el = tree.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Keep the selected row in view as the keyboard moves it.
  useEffect(() => {
    const el = tree.current;
    if (!el || selectedAt < 0) return;
    const top = selectedAt * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
  }, [selectedAt]);

  const focusTree = () => requestAnimationFrame(() => tree.current?.focus());

  const runOp = async (op: OutlineOp, thenEdit = false) => {
    const from = state.selected;
    if ("refused" in op) {
      showInfo(dispatch, op.refused);
      return;
    }
    const done = await actions.edit(op.edit);
    if (done) {
      dispatch({ type: "select", id: op.select });
      // An op that edits a title next makes the node: it is among those the answer upserted.
      const node = done.plan.upserted_nodes.find((n) => n.id === op.select);
      if (thenEdit && node) setEditing({ id: node.id, text: node.title, fresh: true, from });
    }
    if (!thenEdit) focusTree();
  };

  const commitTitle = (id: string, title: string | null, then?: "indent" | "outdent") => {
    const fresh = editing?.fresh === true && editing.id === id;
    const from = editing?.from ?? null;
    setEditing(null);
    // Escape on a node made a moment ago takes it back: no "New initiative" is left behind.
    if (fresh && title === null) {
      void actions.undo().then(() => {
        if (from) select(from);
        focusTree();
      });
      return;
    }
    const node = index.nodes.get(id);
    const rename = node && title !== null && title.trim() && title !== node.title ? renameEdit(node, title.trim()) : null;
    void (async () => {
      if (rename) await actions.edit(rename);
      if (then) {
        // Re-read the rows after the rename: indent and outdent are judged on the current tree.
        const op = then === "indent" ? indent(index, rows, id) : outdent(index, id, rows);
        if ("edit" in op && rename && op.edit.op === "batch")
          op.edit.edits = op.edit.edits.map((e) =>
            e.op === "update_node" || e.op === "add_node" ? { ...e, node: { ...e.node, title: title!.trim() } } : e,
          );
        await runOp(op);
      } else focusTree();
    })();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (editing || event.ctrlKey || event.metaKey) return;
    const current = selectedAt >= 0 ? visible[selectedAt].row : null;
    const move = (to: number) => {
      const target = visible[Math.max(0, Math.min(visible.length - 1, to))];
      if (target) select(target.row.id);
    };
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        move(selectedAt + 1);
        return;
      case "ArrowUp":
        event.preventDefault();
        move(selectedAt < 0 ? 0 : selectedAt - 1);
        return;
      case "Home":
        event.preventDefault();
        move(0);
        return;
      case "End":
        event.preventDefault();
        move(visible.length - 1);
        return;
      case "ArrowLeft":
        event.preventDefault();
        if (current?.hasChildren && !collapsed.has(current.id)) setCollapsed(new Set(collapsed).add(current.id));
        else if (current?.parent) select(current.parent);
        return;
      case "ArrowRight":
        event.preventDefault();
        if (current && collapsed.has(current.id)) {
          const next = new Set(collapsed);
          next.delete(current.id);
          setCollapsed(next);
        } else if (current?.hasChildren) move(selectedAt + 1);
        return;
      case "Enter":
        event.preventDefault();
        void runOp(current ? addSibling(index, current) : addFirst(index), true);
        return;
      case "Tab":
        event.preventDefault();
        if (current) void runOp(event.shiftKey ? outdent(index, current.id, rows) : indent(index, rows, current.id));
        return;
      case "F2":
        event.preventDefault();
        if (current) setEditing({ id: current.id, text: index.nodes.get(current.id)!.title });
        return;
      case "Delete":
      case "Backspace":
        event.preventDefault();
        if (current) setConfirmDelete(current.id);
        return;
      case "Escape":
        dispatch({ type: "select", id: null });
        return;
    }
    // Typing a character starts renaming with that character, as in a spreadsheet.
    if (current && event.key.length === 1 && !event.altKey) {
      event.preventDefault();
      setEditing({ id: current.id, text: event.key });
    }
  };

  const toggle = useCallback((id: string) => {
    setCollapsed((old) => {
      const next = new Set(old);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  const windowed = visible.length > WINDOW_ABOVE;
  const first = windowed ? Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - 10) : 0;
  const last = windowed ? Math.min(visible.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + 10) : visible.length;
  const deleting = confirmDelete ? index.nodes.get(confirmDelete) : undefined;

  return (
    <div className="outline-view">
      <div className="view-header">
        <h1>Outline</h1>
        <p className="muted">
          <kbd>Enter</kbd> new item · <kbd>Tab</kbd>/<kbd>Shift+Tab</kbd> change level · <kbd>F2</kbd> or type to rename ·
          <kbd>Del</kbd> delete · <kbd>↑</kbd><kbd>↓</kbd> move
        </p>
        <button type="button" className="primary" data-testid="outline-add-goal" title="Add an organizational goal at the top level"
          onClick={() => void runOp(addFirst(index), true)}>
          <Icon name="plus" size={14} /> Org goal
        </button>
      </div>
      {planState.plan.nodes.length === 0 ? (
        <div className="empty-view">
          <h2>Add your first organizational goal</h2>
          <p>Press <kbd>Enter</kbd> to add a goal and type its title. <kbd>Enter</kbd> twice adds the next one;
            <kbd>Tab</kbd> makes it a team goal under the one above.</p>
        </div>
      ) : null}
      {matches && visible.length === 0 ? <p className="empty-hint pad">Nothing matches the search and filter.</p> : null}
      <div className="outline-tree" role="tree" aria-label="Plan outline" tabIndex={0} ref={tree} data-testid="outline-tree"
        onKeyDown={onKeyDown} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
        <div style={{ height: windowed ? first * ROW_HEIGHT : 0 }} />
        {visible.slice(first, last).map(({ row, context }) => {
          const node = index.nodes.get(row.id)!;
          return (
            <OutlineRowView key={row.id} row={row} node={node} findings={index.findings.get(row.id)}
              selected={row.id === state.selected} collapsed={collapsed.has(row.id)} context={context}
              editing={editing?.id === row.id ? editing.text : null}
              alsoTitles={row.alsoSupports.map((id) => index.nodes.get(id)?.title ?? id)}
              onSelect={select} onToggle={toggle}
              onStartEdit={(id) => setEditing({ id, text: index.nodes.get(id)!.title })}
              onCommit={commitTitle} />
          );
        })}
        <div style={{ height: windowed ? (visible.length - last) * ROW_HEIGHT : 0 }} />
      </div>
      {deleting ? (
        <ConfirmDialog title="Delete this node?" confirmLabel="Delete"
          message={<>Delete <strong>{deleting.title}</strong> and every link to it? Undo (Ctrl+Z) brings it back.</>}
          onConfirm={() => {
            void actions.edit(removeEdit(deleting.id)).then((done) => {
              if (done) dispatch({ type: "select", id: visible[selectedAt + 1]?.row.id ?? visible[selectedAt - 1]?.row.id ?? null });
            });
          }}
          onClose={() => {
            setConfirmDelete(null);
            focusTree();
          }} />
      ) : null}
    </div>
  );
}
