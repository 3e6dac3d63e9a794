//! Replays answers recorded from the real core (test/recorded/*.json, written by
//! crates/core/tests/recorded_for_ui.rs), so that the UI tests and the browser preview answer
//! edits exactly as Rust did: the same plans, findings, refusal codes and messages. There is no
//! TypeScript copy of the rules here; an edit that was not recorded is refused as such.
import type { Analysis } from "../bindings/Analysis";
import type { Edit } from "../bindings/Edit";
import type { Plan } from "../bindings/Plan";
import type { FindingKey } from "../bindings/FindingKey";
import type { LinkKey } from "../bindings/LinkKey";
import type { AppError, EditAnswer, PlanState } from "../ipc/types";

export type RecordedState = {
  plan: Plan;
  analysis: Analysis;
  /** The score as the core shows it. */
  score_text?: string;
  /** What `PlanState` carries beside the plan and its analysis. */
  score_counts_text: string;
  allocated: Record<string, number>;
};

export type RecordedEdit = {
  name: string;
  from: string;
  edit: Edit;
  /** The state the core answered with, when it accepted the edit. */
  answer?: string;
  /** The error the core refused it with. */
  refusal?: AppError;
};

export type Recording = {
  as_of: string;
  start: string;
  states: Record<string, RecordedState>;
  edits: RecordedEdit[];
  nothing_to_undo: AppError;
  nothing_to_redo: AppError;
};

/** JSON with sorted keys and no undefined fields: an edit the UI builds matches the recorded one. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

/**
 * A plan that was never analysed (the preview's synthetic big plans): it shows, and refuses
 * every edit, since nothing was recorded for it.
 */
export function unanalysed(plan: Plan, asOf: string, like: Recording): Recording {
  const analysis: Analysis = {
    as_of: asOf,
    summary: { error: 0, warning: 0, info: 0, alignment_score: null, aligned: 0, scored: 0 },
    findings: [],
  };
  const state = { plan, analysis, score_counts_text: "nothing analysed in this preview", allocated: {} };
  return { ...like, as_of: asOf, start: "start", states: { start: state }, edits: [] };
}

export class ReplayEngine {
  private current: string;
  private undoStack: string[] = [];
  private redoStack: string[] = [];
  recent: string[] = [];

  constructor(
    private recording: Recording,
    public path: string,
  ) {
    this.current = recording.start;
  }

  get plan(): Plan {
    return this.recording.states[this.current].plan;
  }

  state(): PlanState {
    const { plan, analysis, score_counts_text, allocated } = this.recording.states[this.current];
    return {
      path: this.path,
      plan,
      analysis,
      score_counts_text,
      allocated,
      can_undo: this.undoStack.length > 0,
      can_redo: this.redoStack.length > 0,
      read_only: false,
      as_of: this.recording.as_of,
      recent: this.recent,
      scenario: null,
    };
  }

  apply(edit: Edit): EditAnswer {
    const wanted = canonical(edit);
    const recorded = this.recording.edits.find((tried) => tried.from === this.current && canonical(tried.edit) === wanted);
    if (!recorded)
      throw {
        code: "internal",
        message: `This preview answers only edits recorded from the core, and this ${edit.op} was not recorded. Run the app for live edits.`,
      } satisfies AppError;
    if (recorded.refusal) throw recorded.refusal;
    const before = this.state();
    this.undoStack.push(this.current);
    this.redoStack = [];
    this.current = recorded.answer!;
    return answerBetween(before, this.state());
  }

  undo(): EditAnswer {
    const previous = this.undoStack.pop();
    if (previous === undefined) throw this.recording.nothing_to_undo;
    const before = this.state();
    this.redoStack.push(this.current);
    this.current = previous;
    return answerBetween(before, this.state());
  }

  redo(): EditAnswer {
    const next = this.redoStack.pop();
    if (next === undefined) throw this.recording.nothing_to_redo;
    const before = this.state();
    this.undoStack.push(this.current);
    this.current = next;
    return answerBetween(before, this.state());
  }

  switchTo(recording: Recording, path: string): PlanState {
    this.recent = [path, ...this.recent.filter((p) => p !== path)].slice(0, 8);
    this.recording = recording;
    this.current = recording.start;
    this.path = path;
    this.undoStack = [];
    this.redoStack = [];
    return this.state();
  }
}

/**
 * Rust's answer to an edit, made from the recorded states before and after it: what the
 * preview's edits, undos and redos answer, as the app does (IPC.md, EditAnswer).
 */
export function answerBetween(before: PlanState, after: PlanState): EditAnswer {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const linkKey = (link: LinkKey) => `${link.kind}|${link.from}|${link.to}`;
  const nodesBefore = new Map(before.plan.nodes.map((node) => [node.id, node]));
  const nodesAfter = new Set(after.plan.nodes.map((node) => node.id));
  const linksBefore = new Map(before.plan.links.map((link) => [linkKey(link), link]));
  const linksAfter = new Set(after.plan.links.map(linkKey));
  const findingKey = (finding: FindingKey) => `${finding.rule}|${finding.node}`;
  const findingsBefore = new Map(before.analysis.findings.map((finding) => [findingKey(finding), finding]));
  const findingsAfter = new Set(after.analysis.findings.map(findingKey));
  const allocated: { [resource: string]: number | null } = {};
  for (const resource of new Set([...Object.keys(before.allocated), ...Object.keys(after.allocated)]))
    if (before.allocated[resource] !== after.allocated[resource]) allocated[resource] = after.allocated[resource] ?? null;
  const upsertedNodes = after.plan.nodes.filter((node) => !same(nodesBefore.get(node.id), node));
  const removedNodes = before.plan.nodes.filter((node) => !nodesAfter.has(node.id)).map((node) => node.id);
  const upsertedLinks = after.plan.links.filter((link) => !same(linksBefore.get(linkKey(link)), link));
  const removedLinks = before.plan.links
    .filter((link) => !linksAfter.has(linkKey(link)))
    .map(({ kind, from, to }) => ({ kind, from, to }));
  const settingsChanged =
    before.plan.name !== after.plan.name || before.plan.review_cadence_days !== after.plan.review_cadence_days;
  return {
    plan: {
      upserted_nodes: upsertedNodes,
      removed_nodes: removedNodes,
      upserted_links: upsertedLinks,
      removed_links: removedLinks,
      allocated,
      accepted: same(before.plan.accepted ?? [], after.plan.accepted ?? []) ? null : (after.plan.accepted ?? []),
      settings: settingsChanged
        ? { name: after.plan.name, review_cadence_days: after.plan.review_cadence_days }
        : null,
      structure_changed:
        removedNodes.length > 0 ||
        removedLinks.length > 0 ||
        upsertedLinks.some((link) => !linksBefore.has(linkKey(link))) ||
        upsertedNodes.some((node) => nodesBefore.get(node.id)?.kind !== node.kind),
    },
    findings: {
      removed: before.analysis.findings
        .filter((finding) => !findingsAfter.has(findingKey(finding)))
        .map(({ rule, node }) => ({ rule, node })),
      upserted: after.analysis.findings.filter((finding) => !same(findingsBefore.get(findingKey(finding)), finding)),
      summary: after.analysis.summary,
    },
    score_counts_text: after.score_counts_text,
    can_undo: after.can_undo,
    can_redo: after.can_redo,
    as_of: after.as_of,
    scenario: after.scenario,
  };
}
