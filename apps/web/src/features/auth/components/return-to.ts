/** Where to go after sign-in: a path of this app only, never another site (an open redirect). */
export function safeReturnTo(value: string | null): string {
  if (!value?.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/users";
  if (value.startsWith("/sign-in")) return "/users";
  return value;
}

export function signInPath(returnTo: string, ended = false): string {
  const params = new URLSearchParams({ returnTo });
  if (ended) params.set("ended", "1");
  return `/sign-in?${params}`;
}
