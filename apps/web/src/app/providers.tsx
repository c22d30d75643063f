import { createDOMRenderer, FluentProvider, RendererProvider } from "@fluentui/react-components";
import { QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useEffect, useState } from "react";
import { THEMES, ThemeContext, useThemePreference } from "../lib/theme-preference.tsx";
import { createQueryClient } from "./query-client.ts";

/**
 * The server's content security policy allows only styles carrying this page's nonce, which it writes into
 * the page where Vite's `html.cspNonce` placeholder was. Fluent UI's style engine adds the nonce to every
 * <style> element it makes (docs/decisions/0005-content-security-policy.md).
 */
function cspNonce(): string | undefined {
  return document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || undefined;
}

export function AppProviders({ children }: { children: ReactNode }) {
  // One client per mounted app (not per module) so tests and hot reloads start with an empty cache.
  const [queryClient] = useState(createQueryClient);
  const [renderer] = useState(() => {
    const nonce = cspNonce();
    return createDOMRenderer(document, nonce ? { styleElementAttributes: { nonce } } : {});
  });
  const preference = useThemePreference();
  useEffect(() => {
    // The page behind the app (overscroll, the strip under a short page) and the browser's own controls.
    document.documentElement.style.colorScheme = preference.theme === "light" ? "light" : "dark";
    document.documentElement.dataset.theme = preference.theme;
  }, [preference.theme]);
  return (
    <RendererProvider renderer={renderer} targetDocument={document}>
      <ThemeContext value={preference}>
        <FluentProvider theme={THEMES[preference.theme]} applyStylesToPortals>
          <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
        </FluentProvider>
      </ThemeContext>
    </RendererProvider>
  );
}
