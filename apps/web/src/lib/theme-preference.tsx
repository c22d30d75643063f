/**
 * Light or dark (issue 16): the system's preference unless this browser chose one, kept in localStorage so
 * it holds across sessions and for the Dial-in page too. Windows' high-contrast mode (forced colors) gets
 * Fluent's high-contrast theme, whose colours the system may override without losing text or borders.
 */
import { type Theme, teamsHighContrastTheme, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { createContext, use, useCallback, useEffect, useState } from "react";

export const THEME_CHOICES = ["system", "light", "dark"] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];
export type ThemeName = "light" | "dark" | "highContrast";

const STORAGE_KEY = "pindesk.theme";
const DARK_QUERY = "(prefers-color-scheme: dark)";
const FORCED_COLORS_QUERY = "(forced-colors: active)";

export const THEMES: Record<ThemeName, Theme> = {
  light: webLightTheme,
  dark: webDarkTheme,
  highContrast: teamsHighContrastTheme,
};

/** The theme shown for a choice, given what the system prefers. */
export function resolveTheme(
  choice: ThemeChoice,
  system: { dark: boolean; forcedColors: boolean },
): ThemeName {
  if (system.forcedColors) return "highContrast";
  if (choice === "system") return system.dark ? "dark" : "light";
  return choice;
}

export function storedChoice(storage: Pick<Storage, "getItem"> | undefined): ThemeChoice {
  const stored = storage?.getItem(STORAGE_KEY);
  return THEME_CHOICES.find((choice) => choice === stored) ?? "system";
}

const matches = (query: string) => window.matchMedia?.(query).matches ?? false;

/** The choice, the theme it resolves to now, and a way to change it; follows the system as it changes. */
export function useThemePreference() {
  const [choice, setChoiceState] = useState<ThemeChoice>(() => storedChoice(window.localStorage));
  const [system, setSystem] = useState(() => ({
    dark: matches(DARK_QUERY),
    forcedColors: matches(FORCED_COLORS_QUERY),
  }));
  useEffect(() => {
    const lists = [DARK_QUERY, FORCED_COLORS_QUERY].map((query) => window.matchMedia?.(query));
    const update = () => setSystem({ dark: matches(DARK_QUERY), forcedColors: matches(FORCED_COLORS_QUERY) });
    for (const list of lists) list?.addEventListener("change", update);
    return () => {
      for (const list of lists) list?.removeEventListener("change", update);
    };
  }, []);
  const setChoice = useCallback((next: ThemeChoice) => {
    if (next === "system") window.localStorage.removeItem(STORAGE_KEY);
    else window.localStorage.setItem(STORAGE_KEY, next);
    setChoiceState(next);
  }, []);
  return { choice, setChoice, theme: resolveTheme(choice, system) };
}

export type ThemePreference = ReturnType<typeof useThemePreference>;
export const ThemeContext = createContext<ThemePreference | null>(null);

export function useThemeChoice(): ThemePreference {
  const preference = use(ThemeContext);
  if (!preference) throw new Error("useThemeChoice is used outside AppProviders");
  return preference;
}
