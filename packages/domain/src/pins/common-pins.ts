/**
 * The shipped blocklist of PINs people choose most often (docs/design.md, "PIN policy", "beyond Lync": NIST
 * SP 800-63B asks verifiers to refuse commonly used secrets). Not exhaustive on purpose: the structural rules
 * in common-patterns.ts already refuse most of the popular PINs (1111, 123456, 1212, ...); this list catches
 * the popular ones that have no structure a rule can see (dates, keypad shapes, words).
 */

/**
 * 4-digit PINs: the top 20 of the DataGenetics 2012 "PIN analysis" (Nick Berry, 3.4 million leaked
 * 4-digit codes), followed by keypad shapes and words that are well known to be popular (2580 is the
 * middle column of a keypad, 5683 spells LOVE). Only matters for policies with MinPasswordLength 4.
 */
// biome-ignore format: a table is easier to review than one PIN a line.
const FOUR_DIGIT = [
  "1234", "1111", "0000", "1212", "7777", "1004", "2000", "4444", "2222", "6969",
  "9999", "3333", "5555", "6666", "1122", "1313", "8888", "4321", "2001", "1010",
  "2580", "0852", "1470", "0741", "3690", "0963", "1379", "2468", "1357", "5683",
] as const;

/**
 * 6-digit PINs widely reported as the most common in leaked 6-digit sets (for example Wang et al.,
 * "Understanding Human-Chosen PINs", AsiaCCS 2017), including keypad lines, diagonals and crosses
 * (147258, 159753, 258369) and 520520 ("I love you" read aloud in Chinese).
 */
// biome-ignore format: a table is easier to review than one PIN a line.
const SIX_DIGIT = [
  "123456", "654321", "111111", "000000", "123123", "666666", "121212", "112233", "789456", "159753",
  "147258", "123321", "696969", "131313", "159357", "753951", "147852", "258369", "520520", "102030",
  "888888", "456123", "321654", "147369", "963852", "123654", "101010", "741852", "852963", "369258",
] as const;

export const COMMON_PINS: ReadonlySet<string> = new Set<string>([...FOUR_DIGIT, ...SIX_DIGIT]);
