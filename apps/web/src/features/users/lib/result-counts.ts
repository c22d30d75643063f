/** Counts as the Users page writes them: grouped digits, so 10,000 reads at a glance. */
const COUNT_FORMAT = new Intl.NumberFormat("en-US");

export const formatCount = (count: number) => COUNT_FORMAT.format(count);

/** "1 user", "10,000 users". */
export const formatUsers = (count: number) => (count === 1 ? "1 user" : `${formatCount(count)} users`);

/** The live status beside the menus: how many users are shown, and how many of them are selected. */
export function describeCount(found: number, selected: number): string {
  const users = formatUsers(found);
  return selected > 0 ? `${users}, ${formatCount(selected)} selected` : users;
}
