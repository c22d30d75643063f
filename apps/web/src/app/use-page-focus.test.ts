import { describe, expect, it } from "vitest";
import { pageFocusTarget } from "./use-page-focus.ts";

const page = (html: string) => {
  const main = document.createElement("main");
  main.innerHTML = html;
  return main;
};

describe("pageFocusTarget", () => {
  it("is the field the page marks as its main one", () => {
    const main = page('<h1>Users</h1><input aria-label="Search users" data-page-focus>');
    expect(pageFocusTarget(main)?.getAttribute("aria-label")).toBe("Search users");
    expect(main.querySelector("h1")?.hasAttribute("tabindex")).toBe(false);
  });

  it("is else the page's heading, focusable by script but no Tab stop", () => {
    const main = page("<h1>PIN Policy</h1><button>New</button>");
    const target = pageFocusTarget(main);
    expect(target?.textContent).toBe("PIN Policy");
    expect(target?.tabIndex).toBe(-1);
  });

  it("is nothing on a page with neither", () => {
    expect(pageFocusTarget(page("<p>Loading</p>"))).toBeNull();
  });
});
