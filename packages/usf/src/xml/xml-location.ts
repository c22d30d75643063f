/** Turns an index into the text into the 1-based line and column a person sees in an editor. */
export type Locate = (offset: number) => { line: number; column: number };

export function locator(text: string): Locate {
  const lineStarts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((lineStarts[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    const start = lineStarts[low] as number;
    // Columns count characters, so an emoji earlier on the line counts once.
    return { line: low + 1, column: Array.from(text.slice(start, offset)).length + 1 };
  };
}
