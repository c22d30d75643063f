import { EMPTY_SEARCH, type SearchQuery } from "@pindesk/domain/users/search-query";
import { writeUsf } from "@pindesk/usf/write-usf";
import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { type OpenedFile, useOpenUsfFile } from "./use-open-usf-file.ts";

const KEN: SearchQuery = { ...EMPTY_SEARCH, searchText: "Ken" };
const kenFile = () => new File([writeUsf(KEN)], "Ken.usf");

function setup() {
  const onOpen = vi.fn<(query: SearchQuery) => void>();
  const hook = renderHook(({ dropped }) => useOpenUsfFile(onOpen, dropped), {
    initialProps: { dropped: undefined as OpenedFile | undefined },
  });
  return { onOpen, hook };
}

describe("useOpenUsfFile", () => {
  it("hands the search of a chosen file to the page", async () => {
    const { onOpen, hook } = setup();
    act(() => hook.result.current.open(kenFile()));
    await waitFor(() => expect(onOpen).toHaveBeenCalledWith(KEN));
    expect(hook.result.current.problems).toBeNull();
  });

  it("keeps a bad file's problems, with its name, until they are dismissed", async () => {
    const { onOpen, hook } = setup();
    act(() => hook.result.current.open(new File(["<Query>"], "broken.usf")));
    await waitFor(() => expect(hook.result.current.problems).not.toBeNull());
    expect(hook.result.current.problems?.fileName).toBe("broken.usf");
    expect(hook.result.current.problems?.problems[0]?.line).toBe(1);
    expect(onOpen).not.toHaveBeenCalled();
    act(() => hook.result.current.dismiss());
    expect(hook.result.current.problems).toBeNull();
  });

  it("opens a dropped file once per drop, the same file dropped twice included", async () => {
    const { onOpen, hook } = setup();
    const file = kenFile();
    const first = { file, sequence: 1 };
    hook.rerender({ dropped: first });
    await waitFor(() => expect(onOpen).toHaveBeenCalledTimes(1));
    // A render for another reason is not another drop.
    hook.rerender({ dropped: first });
    hook.rerender({ dropped: { file, sequence: 2 } });
    await waitFor(() => expect(onOpen).toHaveBeenCalledTimes(2));
    expect(onOpen).toHaveBeenLastCalledWith(KEN);
  });
});
