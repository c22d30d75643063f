/**
 * A small browser stand-in for API tests: real HTTP with fetch, the session cookie kept between requests,
 * and the Origin and X-CSRF-Token headers a PinDesk page sends on unsafe requests. Made with an API token
 * instead, it is a script: `Authorization: Bearer` and nothing a browser adds.
 */
import type { SessionInfo } from "@pindesk/domain/auth/sign-in";

export interface TestResponse<T> {
  status: number;
  body: T;
  headers: Headers;
}

export interface RequestOptions {
  /** A raw body, sent as it is (malformed JSON tests). */
  raw?: string;
  headers?: Record<string, string>;
}

export class HttpClient {
  cookie: string | undefined;
  csrfToken: string | undefined;
  /** Who signed in last through this client. */
  username: string | undefined;

  constructor(
    readonly baseUrl: string,
    readonly apiToken?: string,
  ) {}

  async request<T = unknown>(method: string, path: string, body?: unknown, options: RequestOptions = {}) {
    const headers: Record<string, string> = this.apiToken
      ? { authorization: `Bearer ${this.apiToken}` }
      : { origin: this.baseUrl };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && method !== "GET") headers["x-csrf-token"] = this.csrfToken;
    Object.assign(headers, options.headers); // a test's own headers win
    for (const [name, value] of Object.entries(headers)) if (value === "") delete headers[name];
    const init: RequestInit = { method, headers };
    if (body !== undefined || options.raw !== undefined) {
      headers["content-type"] = "application/json";
      init.body = options.raw ?? JSON.stringify(body);
    }
    const response = await fetch(this.baseUrl + path, init);
    // As a browser does: each Set-Cookie in order, the last for the name wins.
    for (const setCookie of response.headers.getSetCookie()) this.keepCookie(setCookie);
    const text = await response.text();
    const parsed = text && response.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text;
    return { status: response.status, body: (parsed || undefined) as T, headers: response.headers };
  }

  private keepCookie(setCookie: string) {
    const [pair, ...attributes] = setCookie.split(";");
    const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a));
    this.cookie = expired || !pair ? undefined : pair.trim();
  }

  get = <T = unknown>(path: string, options?: RequestOptions) =>
    this.request<T>("GET", path, undefined, options);
  post = <T = unknown>(path: string, body?: unknown, options?: RequestOptions) =>
    this.request<T>("POST", path, body, options);
  put = <T = unknown>(path: string, body?: unknown, options?: RequestOptions) =>
    this.request<T>("PUT", path, body, options);
  postRaw = <T = unknown>(path: string, raw: string) => this.request<T>("POST", path, undefined, { raw });

  async signIn(username: string, password: string): Promise<TestResponse<SessionInfo>> {
    const response = await this.post<SessionInfo>("/api/auth/sign-in", { username, password });
    if (response.status === 200) {
      this.csrfToken = response.body.csrfToken;
      this.username = username;
    }
    return response;
  }
}
