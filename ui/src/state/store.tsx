//! The UI store: the last PlanState from Rust plus what is UI-only (view, selection, filter, toast).
import { createContext, useContext, useMemo, useReducer, type Dispatch, type ReactNode } from "react";
import type { DiffReading } from "../bindings/DiffReading";
import type { AppError, AppErrorCode, EditAnswer, PlanState } from "../ipc/types";
import { applyEditAnswer } from "./editAnswer";
import type { BriefingScope } from "../model/briefing";
import { EMPTY_FILTER, type NodeFilter } from "../model/filter";
import { buildIndex, updateIndex, type PlanIndex } from "../model/planIndex";

export type View = "map" | "outline" | "findings" | "resources" | "teams" | "roadmap" | "compare";

/** The baseline the plan was last compared with, and the difference; its changes are marked on the map. */
/** What Compare shows: the difference since a baseline of the plan file, or (`baseline` null) from another plan Rust asked the user for. */
export type Comparison = { baseline: string | null; reading: DiffReading };

export type Toast = {
  id: number;
  tone: "error" | "info";
  /** AppError.code for errors; "info" for confirmations. */
  code: AppErrorCode | "info";
  message: string;
  action?: { label: string; run: () => void };
};

export type UiState = {
  planState: PlanState | null;
  /** Lookups over planState: built when a plan loads, then updated by each edit's answer. */
  index: PlanIndex | null;
  /**
   * Bumped when nodes or links came or went (a load, or an answer whose structure_changed is
   * set): the map lays itself out again only then, not on a title or status edit.
   */
  structureVersion: number;
  /** Why the first plan could not be loaded, if it could not. */
  loadError: AppError | null;
  view: View;
  selected: string | null;
  /** Bumped to ask the map to centre on the selection (finding clicked, search Enter). */
  focusTick: number;
  filter: NodeFilter;
  toast: Toast | null;
  /** Edits sent to Rust and not yet answered. */
  pending: number;
  /** The report being written (its file name), while Rust renders it. */
  exporting: string | null;
  team: string;
  /** The briefing shown full-window, if one is. */
  briefing: BriefingScope | null;
  comparison: Comparison | null;
};

export type Action =
  | { type: "loaded"; planState: PlanState; keepSelection?: boolean }
  | { type: "edited"; answer: EditAnswer }
  | { type: "load_failed"; error: AppError }
  | { type: "view"; view: View }
  | { type: "select"; id: string | null; focus?: boolean }
  | { type: "filter"; filter: Partial<NodeFilter> }
  | { type: "clear_filter" }
  | { type: "toast"; toast: Omit<Toast, "id"> }
  | { type: "dismiss_toast"; id: number }
  | { type: "pending"; delta: number }
  | { type: "exporting"; file: string | null }
  | { type: "team"; team: string }
  | { type: "briefing"; scope: BriefingScope | null }
  | { type: "compared"; comparison: Comparison | null };

export const initialState: UiState = {
  planState: null,
  index: null,
  structureVersion: 0,
  loadError: null,
  view: "map",
  selected: null,
  focusTick: 0,
  filter: EMPTY_FILTER,
  toast: null,
  pending: 0,
  exporting: null,
  team: "",
  briefing: null,
  comparison: null,
};

let toastSeq = 0;

export function reducer(state: UiState, action: Action): UiState {
  switch (action.type) {
    case "loaded": {
      const samePlan = state.planState?.path === action.planState.path || action.keepSelection;
      const stillThere =
        samePlan && state.selected !== null && action.planState.plan.nodes.some((n) => n.id === state.selected);
      return {
        ...state,
        planState: action.planState,
        index: buildIndex(action.planState.plan, action.planState.analysis.findings),
        structureVersion: state.structureVersion + 1,
        loadError: null,
        selected: stillThere ? state.selected : null,
        team: samePlan ? state.team : "",
        briefing: samePlan ? state.briefing : null,
        comparison: samePlan ? state.comparison : null,
      };
    }
    case "edited": {
      if (!state.planState) return state;
      const { answer } = action;
      const planState = applyEditAnswer(state.planState, answer, state.index ?? undefined);
      const index = state.index
        ? updateIndex(state.index, answer.plan, answer.findings)
        : buildIndex(planState.plan, planState.analysis.findings);
      const gone = state.selected !== null && answer.plan.removed_nodes.includes(state.selected);
      return {
        ...state,
        planState,
        index,
        structureVersion: state.structureVersion + (answer.plan.structure_changed ? 1 : 0),
        selected: gone ? null : state.selected,
      };
    }
    case "load_failed":
      return { ...state, loadError: action.error };
    case "view":
      return { ...state, view: action.view };
    case "select":
      return { ...state, selected: action.id, focusTick: action.focus ? state.focusTick + 1 : state.focusTick };
    case "filter":
      return { ...state, filter: { ...state.filter, ...action.filter } };
    case "clear_filter":
      return { ...state, filter: EMPTY_FILTER };
    case "toast":
      return { ...state, toast: { ...action.toast, id: ++toastSeq } };
    case "dismiss_toast":
      return state.toast?.id === action.id ? { ...state, toast: null } : state;
    case "pending":
      return { ...state, pending: Math.max(0, state.pending + action.delta) };
    case "exporting":
      return { ...state, exporting: action.file };
    case "team":
      return { ...state, team: action.team };
    case "briefing":
      return { ...state, briefing: action.scope };
    case "compared":
      return { ...state, comparison: action.comparison };
  }
}

type Store = { state: UiState; dispatch: Dispatch<Action>; index: PlanIndex | null };

const StoreContext = createContext<Store | null>(null);

/** The state to start from, with the index of a plan given up front (the UI tests start that way). */
function startState(initial?: Partial<UiState>): UiState {
  const state = { ...initialState, ...initial };
  if (state.planState && !state.index) state.index = buildIndex(state.planState.plan, state.planState.analysis.findings);
  return state;
}

export function StoreProvider({ children, initial }: { children: ReactNode; initial?: Partial<UiState> }) {
  const [state, dispatch] = useReducer(reducer, initial, startState);
  // Every view reads parents, children and findings from the one index.
  const index = state.index;
  const value = useMemo(() => ({ state, dispatch, index }), [state, index]);
  return <StoreContext.Provider value={value}>{children}</StoreContext.Provider>;
}

export function useStore(): Store {
  const store = useContext(StoreContext);
  if (!store) throw new Error("useStore outside StoreProvider");
  return store;
}

/** For components that only render once a plan is loaded. */
export function usePlan() {
  const { state, dispatch, index } = useStore();
  if (!state.planState || !index) throw new Error("usePlan before the plan is loaded");
  return { state, dispatch, index, planState: state.planState };
}
