//! Entry point: installs the dev mock backend when running in a plain browser, then mounts the app.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "@xyflow/react/dist/style.css";
import "./styles.css";
import { App } from "./App";
import { StoreProvider } from "./state/store";
import { milestone } from "./timing";
import { prefetchStartPlan } from "./ipc/commands";

milestone("ui-start");
// Linux webviews resolve fonts through fontconfig, where a long font stack is slow (styles.css).
if (navigator.userAgent.includes("Linux") && !navigator.userAgent.includes("Android"))
  document.documentElement.classList.add("fontconfig");

async function boot() {
  // Only `npm run dev` (or a VITE_MOCK=1 build) includes the mock; the app build drops this branch.
  if ((import.meta.env.DEV || import.meta.env.VITE_MOCK === "1") && !("__TAURI_INTERNALS__" in window)) {
    const { installDevBackend } = await import("./dev/mockBackend");
    installDevBackend();
  }
  // After the dev mock is in place (it answers the request in a plain browser).
  prefetchStartPlan();
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <StoreProvider>
        <App />
      </StoreProvider>
    </StrictMode>,
  );
}

void boot();
