/**
 * The Dial-in Conferencing Settings page: an entry of its own (dialin.html), so an end user never downloads
 * the console (docs/design.md, "Dial-in Conferencing Settings page").
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { AppProviders } from "../app/providers.tsx";
import { DialInApp } from "./components/dialin-app.tsx";
import "../global.css";

const container = document.getElementById("root");
if (!container) throw new Error("dialin.html has no #root element");

createRoot(container).render(
  <StrictMode>
    <AppProviders>
      <DialInApp />
    </AppProviders>
  </StrictMode>,
);
