/**
 * The shipped blocklists of PINs people choose most often (docs/design.md, "PIN policy", "beyond Lync": NIST SP
 * 800-63B asks verifiers to refuse commonly used secrets), taken from published PIN studies and cited in
 * docs/decisions/0008-pin-rules-where-lync-is-silent.md. Not exhaustive on purpose: the structural rules in
 * common-patterns.ts refuse most popular PINs (1111, 123456, 1212, 2580, 1984, ...); these lists catch the
 * popular ones that have no structure a rule can see (dates, keypad shapes, words, culture). A PIN on a list
 * that a rule also sees is reported by the rule, which comes first.
 */

/**
 * 4-digit PINs: ranks 1 to 60 of the DataGenetics 2012 "PIN analysis" (Nick Berry, 3.4 million leaked 4-digit
 * codes), in its order (the top 20 as the article prints them; ranks 21–60 as SecLists republishes the
 * ranking), then keypad shapes and words well known to be popular (0852 is the middle column upwards, 1470 and
 * 3690 a column and a corner, 5683 spells LOVE). Only matters for policies with MinPasswordLength 4.
 */
// biome-ignore format: a table is easier to review than one PIN a line.
const FOUR_DIGIT = [
  "1234", "1111", "0000", "1212", "7777", "1004", "2000", "4444", "2222", "6969",
  "9999", "3333", "5555", "6666", "1122", "1313", "8888", "4321", "2001", "1010",
  "0909", "2580", "0007", "1818", "1230", "1984", "1986", "0070", "1985", "0987",
  "1000", "1231", "1987", "1999", "2468", "2002", "2323", "0123", "1123", "1233",
  "1357", "1221", "1324", "1988", "2112", "2121", "5150", "1024", "1112", "1224",
  "1969", "1225", "1235", "1982", "1983", "1001", "1978", "1979", "7410", "1020",
  "0852", "1470", "0741", "3690", "0963", "1379", "5683",
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

/**
 * Numbers people know from elsewhere, of any length: James Bond's 007 (DataGenetics ranks 0007 23rd and 0070
 * 28th of all 4-digit PINs, and finds 00700 and 007007 among the popular 5- and 6-digit ones), "867-5309/Jenny"
 * (the 4th most common 7-digit password there), 42069 (its 20th 5-digit one), pi (3141…), 5150 (its 47th
 * 4-digit PIN), 1701 (the Enterprise's registry), and the years that Berry names as famous but that are no
 * 19xx or 20xx year: 1492 and 1776.
 */
// biome-ignore format: a table is easier to review than one number a line.
export const WELL_KNOWN_NUMBERS: ReadonlySet<string> = new Set<string>([
  "0007", "0070", "00700", "007007", "8675309", "42069", "3141", "31415", "314159", "3141592",
  "5150", "1701", "1492", "1776",
]);
