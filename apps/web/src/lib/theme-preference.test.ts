import { describe, expect, it } from "vitest";
import { resolveTheme, storedChoice } from "./theme-preference.tsx";

const storage = (value: string | null) => ({ getItem: () => value });

describe("the theme", () => {
  it("follows the system unless the browser chose", () => {
    expect(resolveTheme("system", { dark: true, forcedColors: false })).toBe("dark");
    expect(resolveTheme("system", { dark: false, forcedColors: false })).toBe("light");
    expect(resolveTheme("light", { dark: true, forcedColors: false })).toBe("light");
    expect(resolveTheme("dark", { dark: false, forcedColors: false })).toBe("dark");
  });

  it("is high contrast whenever the system forces colours, whatever was chosen", () => {
    expect(resolveTheme("light", { dark: false, forcedColors: true })).toBe("highContrast");
    expect(resolveTheme("system", { dark: true, forcedColors: true })).toBe("highContrast");
  });

  it("reads a stored choice, and anything else as the system's", () => {
    expect(storedChoice(storage("dark"))).toBe("dark");
    expect(storedChoice(storage("light"))).toBe("light");
    expect(storedChoice(storage(null))).toBe("system");
    expect(storedChoice(storage("purple"))).toBe("system");
    expect(storedChoice(undefined)).toBe("system");
  });
});
