import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { SelectField } from "../components/Fields";
import { Input } from "../components/Input";

afterEach(cleanup);

const OPTIONS = [
  { value: "active", label: "Active" },
  { value: "proposed", label: "Proposed" },
];

/** A promise and the function that settles it, as the edit's answer will. */
function pending<T>() {
  let settle!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (settle = resolve));
  return { promise, settle };
}

describe("a select field", () => {
  it("shows the choice at once and keeps it while the edit is on its way", async () => {
    const answer = pending<object | null>();
    const chosen: string[] = [];
    render(<SelectField label="Status" testId="status" value="active" options={OPTIONS}
      onCommit={(value) => (chosen.push(value), answer.promise)} />);
    const select = screen.getByTestId<HTMLSelectElement>("status");
    fireEvent.change(select, { target: { value: "proposed" } });
    expect(chosen, "the edit is sent").toEqual(["proposed"]);
    expect(select.value, "not flipped back to the value before the answer").toBe("proposed");
    await act(async () => answer.settle({}));
    expect(select.value).toBe("proposed");
  });

  it("goes back to the value when the edit is refused, and follows a new value", async () => {
    const answer = pending<object | null>();
    const { rerender } = render(<SelectField label="Status" testId="status" value="active" options={OPTIONS} onCommit={() => answer.promise} />);
    const select = screen.getByTestId<HTMLSelectElement>("status");
    fireEvent.change(select, { target: { value: "proposed" } });
    await act(async () => answer.settle(null));
    expect(select.value, "refused: the plan's value again").toBe("active");
    rerender(<SelectField label="Status" testId="status" value="proposed" options={OPTIONS} onCommit={() => answer.promise} />);
    expect(select.value, "an undo or another view changed it").toBe("proposed");
  });
});

describe("an input", () => {
  it("is left alone in the DOM when its parent renders again with new handlers, and calls the latest one", () => {
    const heard: string[] = [];
    const field = (who: string) => <Input data-testid="field" type="text" value="same" onChange={() => heard.push(who)} />;
    const { rerender } = render(field("first"));
    const input = screen.getByTestId("field");
    const written: string[] = [];
    const observer = new MutationObserver((records) => records.forEach((r) => written.push(r.attributeName ?? r.type)));
    observer.observe(input, { attributes: true });
    rerender(field("second"));
    rerender(field("third"));
    observer.takeRecords().forEach((r) => written.push(r.attributeName ?? r.type));
    observer.disconnect();
    expect(written, "no attribute written again").toEqual([]);
    fireEvent.change(input, { target: { value: "typed" } });
    expect(heard, "the handler of the last render").toEqual(["third"]);
  });
});
