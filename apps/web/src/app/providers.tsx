import {
  createDOMRenderer,
  FluentProvider,
  RendererProvider,
  webLightTheme,
} from "@fluentui/react-components";
import { QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
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
  return (
    <RendererProvider renderer={renderer} targetDocument={document}>
      <FluentProvider theme={webLightTheme}>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </FluentProvider>
    </RendererProvider>
  );
}
