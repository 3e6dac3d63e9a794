//! Native file dialogs (plugin-dialog); the e2e test hook bypasses the save dialog.
import { open, save } from "@tauri-apps/plugin-dialog";
import { testSavePath } from "./commands";

const PLAN_FILTERS = [
  { name: "Throughline plan", extensions: ["throughline"] },
  { name: "Plan as JSON", extensions: ["json"] },
];

/** A path to write to: the test hook's when set, else what the user picks (null = cancelled). */
export async function chooseSavePath(
  defaultName: string,
  filters: { name: string; extensions: string[] }[],
): Promise<string | null> {
  let hooked: string | null = null;
  try {
    hooked = await testSavePath(defaultName);
  } catch {
    // An app without the hook is fine: fall through to the real dialog.
  }
  if (hooked) return hooked;
  return await save({ defaultPath: defaultName, filters });
}

export async function choosePlanToOpen(): Promise<string | null> {
  const picked = await open({ multiple: false, directory: false, filters: PLAN_FILTERS });
  return typeof picked === "string" ? picked : null;
}

export const chooseNewPlanPath = (defaultName: string) =>
  chooseSavePath(defaultName, [PLAN_FILTERS[0]]);

export const chooseSaveAsPath = (defaultName: string) => chooseSavePath(defaultName, PLAN_FILTERS);
