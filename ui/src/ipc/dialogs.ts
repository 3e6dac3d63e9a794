//! Native file dialogs (plugin-dialog); the e2e test hook bypasses the save dialog.
import { open, save } from "@tauri-apps/plugin-dialog";
import { testSavePath } from "./commands";

type Filter = { name: string; extensions: string[] };

const PLAN_FILE: Filter = { name: "Throughline plan", extensions: ["throughline"] };
// A JSON plan is opened by importing it into a new plan file (the app edits only those).
const OPEN_FILTERS: Filter[] = [
  { name: "Throughline plan or JSON plan", extensions: ["throughline", "json"] },
  PLAN_FILE,
  { name: "JSON plan (imported into a new plan file)", extensions: ["json"] },
];

/** GTK's save dialog keeps the name as typed: add the filter's extension when it has none. */
export function withExtension(path: string, extension: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return name.includes(".") ? path : `${path}.${extension}`;
}

/** A path to write to: the test hook's when set, else what the user picks (null = cancelled). */
export async function chooseSavePath(
  defaultName: string,
  filters: Filter[],
): Promise<string | null> {
  let hooked: string | null = null;
  try {
    hooked = await testSavePath(defaultName);
  } catch {
    // An app without the hook is fine: fall through to the real dialog.
  }
  if (hooked) return hooked;
  const picked = await save({ defaultPath: defaultName, filters });
  return picked ? withExtension(picked, filters[0].extensions[0]) : null;
}

export async function choosePlanToOpen(): Promise<string | null> {
  const picked = await open({ multiple: false, directory: false, filters: OPEN_FILTERS });
  return typeof picked === "string" ? picked : null;
}

/** Where a new, copied or imported plan file goes. */
export const choosePlanFilePath = (defaultName: string) => chooseSavePath(defaultName, [PLAN_FILE]);
