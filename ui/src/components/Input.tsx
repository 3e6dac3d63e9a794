//! An <input> that React leaves alone in the DOM unless something it shows changes.
import { memo, useLayoutEffect, useMemo, useRef, type ComponentProps } from "react";

type Handler = (...args: unknown[]) => unknown;

/** React 19 writes an input's attributes again (type, name) each time it renders it; a memo skips that. */
const Element = memo(function Element(props: ComponentProps<"input">) {
  return <input {...props} />;
});

/**
 * React writes an input's attributes again (type, name) whenever it renders it again, and a
 * handler made anew in each render makes it render again. On a big plan, a status edit rewrote eight
 * inputs nobody touched (search, title, owner, team, date, review, link): with the map node
 * and the select, more than ten places to repaint, which WebKit paints as their bounding box,
 * the whole window (about 20 ms in software). Here each handler keeps one identity and calls
 * the latest one passed.
 */
export function Input(props: ComponentProps<"input">) {
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });
  const names = Object.keys(props)
    .filter((key) => key.startsWith("on") && typeof props[key as keyof typeof props] === "function")
    .join(" ");
  const handlers = useMemo(
    () =>
      Object.fromEntries(
        names
          .split(" ")
          .filter(Boolean)
          .map((name) => [name, (...args: unknown[]) => (latest.current[name as keyof typeof props] as Handler | undefined)?.(...args)]),
      ),
    [names],
  );
  return <Element {...props} {...handlers} />;
}
