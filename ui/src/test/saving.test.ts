import { afterEach, describe, expect, it, vi } from "vitest";
import type { EditAnswer } from "../ipc/types";
import { runEdit, SAVING_SHOWN_AFTER_MS } from "../state/actions";
import type { Action } from "../state/store";

const ANSWER = { plan: {}, findings: {} } as unknown as EditAnswer;

/** Runs one edit whose answer comes after `delay` ms; answers the actions dispatched, in order. */
async function editAnsweredAfter(delay: number): Promise<string[]> {
  const sent: Action[] = [];
  const answer = new Promise<EditAnswer>((resolve) => setTimeout(() => resolve(ANSWER), delay));
  const done = runEdit((action) => sent.push(action), () => answer);
  await vi.advanceTimersByTimeAsync(delay + 1);
  await done;
  return sent.map((action) => (action.type === "pending" ? `pending ${action.delta}` : action.type));
}

describe("Saving… in the status line", () => {
  afterEach(() => vi.useRealTimers());

  it("is not shown for a quick answer: the edit costs no render before it is sent", async () => {
    vi.useFakeTimers();
    expect(await editAnsweredAfter(SAVING_SHOWN_AFTER_MS - 100)).toEqual(["edited"]);
  });

  it("is shown while a slow answer keeps the user waiting, and cleared after it", async () => {
    vi.useFakeTimers();
    expect(await editAnsweredAfter(SAVING_SHOWN_AFTER_MS + 200)).toEqual(["pending 1", "edited", "pending -1"]);
  });
});
