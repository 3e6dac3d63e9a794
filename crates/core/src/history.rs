//! Undo and redo: the inverse edits of what was done, newest last, replayed through the
//! store so that each undo is itself one checked, written edit.

use crate::error::{Error, Result};
use crate::graph::Edit;
use crate::store::Store;

/// How many edits can be undone; older ones are forgotten so memory stays bounded.
pub const DEFAULT_DEPTH: usize = 500;

/// An edit as the store applied it, beside the edit that undoes it: what changed, for
/// a caller that brings a view of the plan up to date rather than reading it again.
#[derive(Debug, Clone, PartialEq)]
pub struct Applied {
    pub edit: Edit,
    pub inverse: Edit,
}

/// The undo and redo stacks of one open plan.
#[derive(Debug, Clone, PartialEq)]
pub struct History {
    undo: Vec<Edit>,
    redo: Vec<Edit>,
    depth: usize,
}

impl Default for History {
    fn default() -> History {
        History::new()
    }
}

impl History {
    pub fn new() -> History {
        History::with_depth(DEFAULT_DEPTH)
    }

    /// A history that remembers at most `depth` edits (at least one).
    pub fn with_depth(depth: usize) -> History {
        History {
            undo: Vec::new(),
            redo: Vec::new(),
            depth: depth.max(1),
        }
    }

    /// Remembers the inverse of an edit just applied. A new edit starts a new future,
    /// so what could be redone is forgotten.
    pub fn record(&mut self, inverse: Edit) {
        self.redo.clear();
        push_bounded(&mut self.undo, inverse, self.depth);
    }

    /// Applies an edit to the store and remembers how to undo it.
    pub fn apply(&mut self, store: &mut Store, edit: Edit) -> Result<Applied> {
        let inverse = self.forget_if_reloaded(store.apply(edit.clone()))?;
        self.record(inverse.clone());
        Ok(Applied { edit, inverse })
    }

    /// Undoes the newest edit. If the store refuses, both stacks stay as they were.
    pub fn undo(&mut self, store: &mut Store) -> Result<Applied> {
        let edit = self.undo.pop().ok_or(Error::NothingTo("undo"))?;
        match self.forget_if_reloaded(store.apply(edit.clone())) {
            Ok(inverse) => {
                push_bounded(&mut self.redo, inverse.clone(), self.depth);
                Ok(Applied { edit, inverse })
            }
            Err(error @ Error::ChangedOutside { .. }) => Err(error),
            Err(error) => {
                self.undo.push(edit);
                Err(error)
            }
        }
    }

    /// Redoes the newest undone edit. If the store refuses, both stacks stay as they were.
    pub fn redo(&mut self, store: &mut Store) -> Result<Applied> {
        let edit = self.redo.pop().ok_or(Error::NothingTo("redo"))?;
        match self.forget_if_reloaded(store.apply(edit.clone())) {
            Ok(inverse) => {
                push_bounded(&mut self.undo, inverse.clone(), self.depth);
                Ok(Applied { edit, inverse })
            }
            Err(error @ Error::ChangedOutside { .. }) => Err(error),
            Err(error) => {
                self.redo.push(edit);
                Err(error)
            }
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// How many edits can be undone now.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// A plan read again after another program changed it is not the plan the
    /// remembered edits were made to: undoing them could undo someone else's work.
    fn forget_if_reloaded(&mut self, result: Result<Edit>) -> Result<Edit> {
        if let Err(Error::ChangedOutside { .. }) = result {
            self.clear();
        }
        result
    }

    /// Forgets everything, as when another plan is opened.
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}

fn push_bounded(stack: &mut Vec<Edit>, edit: Edit, depth: usize) {
    stack.push(edit);
    if stack.len() > depth {
        let excess = stack.len() - depth;
        stack.drain(..excess);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::PlanGraph;
    use crate::model::{Node, NodeKind, Plan, PlanSettings};

    fn empty_store() -> Store {
        let graph = PlanGraph::from_plan(Plan::new("History")).expect("an empty plan is valid");
        Store::in_memory(&graph).expect("an in-memory store opens")
    }

    fn rename(name: &str) -> Edit {
        Edit::UpdateSettings {
            settings: PlanSettings {
                name: name.to_owned(),
                review_cadence_days: 90,
            },
        }
    }

    #[test]
    fn undo_depth_is_capped_and_the_oldest_edits_are_forgotten() {
        let mut store = empty_store();
        let mut history = History::with_depth(3);
        for name in ["A", "B", "C", "D", "E"] {
            history
                .apply(&mut store, rename(name))
                .expect("a rename applies");
        }
        assert_eq!(
            history.undo_len(),
            3,
            "only the 3 newest edits should be kept"
        );
        for _ in 0..3 {
            history.undo(&mut store).expect("a kept edit undoes");
        }
        assert_eq!(
            store.graph().name(),
            "B",
            "undoing the 3 kept edits should go back to the state after the 2nd edit"
        );
        assert!(matches!(
            history.undo(&mut store),
            Err(Error::NothingTo("undo"))
        ));
    }

    #[test]
    fn a_new_edit_clears_redo() {
        let mut store = empty_store();
        let mut history = History::new();
        history.apply(&mut store, rename("A")).expect("rename");
        history.undo(&mut store).expect("undo");
        assert!(history.can_redo());
        history
            .apply(
                &mut store,
                Edit::AddNode {
                    node: Node::new("G", NodeKind::OrgGoal, "Goal"),
                },
            )
            .expect("add node");
        assert!(
            !history.can_redo(),
            "a new edit should clear the redo stack"
        );
        assert!(matches!(
            history.redo(&mut store),
            Err(Error::NothingTo("redo"))
        ));
    }

    #[test]
    fn a_refused_undo_keeps_both_stacks() {
        let mut store = empty_store();
        let mut history = History::new();
        history
            .apply(
                &mut store,
                Edit::AddNode {
                    node: Node::new("G", NodeKind::OrgGoal, "Goal"),
                },
            )
            .expect("add node");
        // Removed behind the history's back, so its undo (remove G) must be refused.
        store
            .apply(Edit::RemoveNode { id: "G".to_owned() })
            .expect("remove node");
        let before = history.clone();
        assert!(
            history.undo(&mut store).is_err(),
            "undoing a stale edit is refused"
        );
        assert_eq!(
            history, before,
            "a refused undo should leave the stacks as they were"
        );
    }
}
