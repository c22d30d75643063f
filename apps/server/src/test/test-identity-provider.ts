/**
 * A real OpenID Provider for the single sign-on tests: `oidc-provider` (the certified Node.js OpenID
 * Provider) on 127.0.0.1 with a random port, never a mock. It has test users with group claims, a login page
 * of its own (user name, password, and a one-time code for multi-factor sign-in), PKCE required for every
 * client, RP-initiated logout, and the `groups` claim in the ID token as Microsoft Entra ID sends it.
 *
 * What a test can do to it: register PinDesk's client (a secret, or a public key for private_key_jwt),
 * rotate its signing key, stop it and start it again (down at sign-in), and change the ID token its token
 * endpoint answers — re-signed with its own key or with a key it does not publish — to make one check fail
 * at a time (another audience, expired, a key nobody published).
 */
import {
  createHmac,
  createPrivateKey,
  generateKeyPairSync,
  type KeyObject,
  randomUUID,
  sign,
} from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type Account, type Configuration, type KoaContextWithOIDC } from "oidc-provider";

export const IDP_PASSWORD = "provider password";
/** The one-time code of the accounts that use multi-factor sign-in. */
export const IDP_ONE_TIME_CODE = "246810";
/** Entra ID sends group object ids, not names: these stand for the CsAdministrator and CsHelpDesk groups. */
export const ADMINISTRATORS_GROUP_ID = "0760b6cf-170e-4a14-91b3-4b78e0739963";
export const HELP_DESK_GROUP_ID = "3b2b0c93-acd8-4208-8eba-7a48db1cd4c0";

interface IdpAccount {
  name: string;
  email: string;
  groups: unknown;
  /** Signs in with a one-time code too: `amr` lists `mfa` and `acr` is "2". */
  mfa?: boolean;
}

/** The provider's users, by login name (their `sub` is the login name with `-sub`). */
export const IDP_ACCOUNTS: Record<string, IdpAccount> = {
  hilda: { name: "Hilda Helpdesk", email: "hilda@litware.test", groups: ["CsHelpDesk", "Litware Staff"] },
  ada: { name: "Ada Admin", email: "ada@litware.test", groups: [ADMINISTRATORS_GROUP_ID, "Litware Staff"] },
  nora: { name: "Nora Nogroup", email: "nora@litware.test", groups: ["Litware Staff"] },
  ned: { name: "Ned Number", email: "ned@litware.test", groups: 42 },
  mona: { name: "Mona Multifactor", email: "mona@litware.test", groups: [HELP_DESK_GROUP_ID], mfa: true },
  clash: { name: "Clash Local", email: "clash@litware.test", groups: ["CsHelpDesk"] },
  /** An end user of the demo directory (the Dial-in Conferencing Settings page): no Cs group. */
  kenmyer: { name: "Ken Myer", email: "kenmyer@litwareinc.com", groups: ["Litware Staff"] },
};

export const subjectOf = (login: string) => `${login}-sub`;

export interface TestClient {
  clientId: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  /** client_secret_basic with this secret, or private_key_jwt with this public key. */
  secret?: string;
  publicJwk?: Record<string, unknown>;
}

interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  jwk: Record<string, unknown>;
}

function newSigningKey(): SigningKey {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = `key-${randomUUID().slice(0, 8)}`;
  return { kid, privateKey, jwk: { ...privateKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" } };
}

const decode = (part: string) => JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** An ID token's header and claims, to change before re-signing. */
export interface IdTokenParts {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
}

/** RS256 over header and claims with this key: the ID token the provider would have made, changed. */
export function signIdToken(parts: IdTokenParts, key: { kid: string; privateKey: KeyObject }): string {
  const input = `${encode({ ...parts.header, alg: "RS256", kid: key.kid })}.${encode(parts.claims)}`;
  return `${input}.${sign("sha256", Buffer.from(input), key.privateKey).toString("base64url")}`;
}

/**
 * The classic forgeries: `HS256` keyed with the client's own secret (which the client holds, so anyone who
 * knows it could mint tokens) or `none` with no signature at all.
 */
export function forgeIdToken(parts: IdTokenParts, alg: "HS256" | "none", secret = ""): string {
  const { kid: _kid, ...header } = parts.header;
  const input = `${encode({ ...header, alg })}.${encode(parts.claims)}`;
  if (alg === "none") return `${input}.`;
  return `${input}.${createHmac("sha256", secret).update(input).digest("base64url")}`;
}

export function decodeIdToken(idToken: string): IdTokenParts {
  const [header = "", claims = ""] = idToken.split(".");
  return { header: decode(header), claims: decode(claims) };
}

/** A key the provider never published: a token signed with it names a `kid` nobody can find. */
export function strangerKey(): { kid: string; privateKey: KeyObject } {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { kid: "nobody-published-this", privateKey };
}

const html = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main>${body}</main></body></html>`;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

/** `port`: a fixed one for a provider started before the server that trusts it (the browser tests'); else any. */
export async function startTestIdentityProvider({ port: wantedPort = 0 }: { port?: number } = {}) {
  const clients = new Map<string, TestClient>();
  let keys: SigningKey[] = [newSigningKey()];
  let tamper: ((parts: IdTokenParts, idToken: string) => string) | undefined;
  let provider: Provider;
  let handler: (req: IncomingMessage, res: ServerResponse) => void;
  /** The `kid` of each ID token the token endpoint issued, oldest first: which key signed it. */
  const issued: string[] = [];

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (url.pathname.startsWith("/interaction/")) {
      interaction(req, res, url).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
      return;
    }
    handler(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(wantedPort, "127.0.0.1", resolve);
  });
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://127.0.0.1:${port}`;

  async function findAccount(_ctx: KoaContextWithOIDC, sub: string): Promise<Account | undefined> {
    const login = sub.replace(/-sub$/, "");
    const account = IDP_ACCOUNTS[login];
    if (!account || subjectOf(login) !== sub) return undefined;
    return {
      accountId: sub,
      claims: () => ({
        sub,
        name: account.name,
        preferred_username: login,
        email: account.email,
        groups: account.groups,
      }),
    };
  }

  /** The provider, made again from the current clients and keys (its sessions and codes are in memory). */
  function build() {
    const configuration: Configuration = {
      clients: [...clients.values()].map((client) => ({
        client_id: client.clientId,
        redirect_uris: client.redirectUris,
        post_logout_redirect_uris: client.postLogoutRedirectUris,
        response_types: ["code"],
        grant_types: ["authorization_code"],
        ...(client.publicJwk
          ? { token_endpoint_auth_method: "private_key_jwt", jwks: { keys: [client.publicJwk] } }
          : { token_endpoint_auth_method: "client_secret_basic", client_secret: client.secret }),
      })),
      jwks: { keys: keys.map((key) => key.jwk) },
      cookies: { keys: ["test identity provider cookie key"] },
      pkce: { required: () => true },
      features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
      // Like Entra ID, the groups (and how the user signed in) are in the ID token with no scope to ask.
      claims: {
        openid: ["sub", "groups", "acr", "amr"],
        profile: ["name", "preferred_username"],
        email: ["email"],
      },
      conformIdTokenClaims: false,
      acrValues: ["1", "2"],
      findAccount,
      interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
      // PinDesk is this provider's own application: no consent page.
      async loadExistingGrant(ctx) {
        const { client, session, result } = ctx.oidc;
        if (!client || !session?.accountId) return undefined;
        const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
        if (grantId) return ctx.oidc.provider.Grant.find(grantId);
        const grant = new ctx.oidc.provider.Grant({
          clientId: client.clientId,
          accountId: session.accountId,
        });
        grant.addOIDCScope([...ctx.oidc.requestParamScopes].join(" "));
        await grant.save();
        return grant;
      },
      ttl: { AccessToken: 600, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    };
    provider = new Provider(issuer, configuration);
    provider.on("server_error", () => undefined);
    provider.use(async (ctx, next) => {
      await next();
      const body = ctx.body as { id_token?: unknown } | undefined;
      if (ctx.path === "/token" && ctx.status === 200 && typeof body?.id_token === "string") {
        const parts = decodeIdToken(body.id_token);
        issued.push(String(parts.header.kid));
        if (tamper) ctx.body = { ...body, id_token: tamper(parts, body.id_token) };
      }
    });
    handler = provider.callback();
  }
  build();

  /** The provider's own login page: user name, password and, for MFA accounts, the one-time code. */
  async function interaction(req: IncomingMessage, res: ServerResponse, url: URL) {
    const details = await provider.interactionDetails(req, res);
    const form = (error?: string) => {
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.end(
        html(
          "Sign in — Litware Test IdP",
          `<h1>Sign in to Litware Test IdP</h1>${error ? `<p role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post" action="/interaction/${details.uid}/login">
<label for="login">User name</label> <input id="login" name="login" autocomplete="username" required>
<label for="password">Password</label> <input id="password" name="password" type="password" required>
<label for="otp">One-time code</label> <input id="otp" name="otp" inputmode="numeric">
<button type="submit">Sign in</button>
</form>`,
        ),
      );
    };
    if (req.method !== "POST" || !url.pathname.endsWith("/login")) return form();
    const body = await formBody(req);
    const login = body.get("login") ?? "";
    const account = Object.hasOwn(IDP_ACCOUNTS, login) ? IDP_ACCOUNTS[login] : undefined;
    if (!account || body.get("password") !== IDP_PASSWORD) return form("Wrong user name or password.");
    const mfa = account.mfa === true && body.get("otp") === IDP_ONE_TIME_CODE;
    if (account.mfa && body.get("otp") && !mfa) return form("Wrong one-time code.");
    await provider.interactionFinished(
      req,
      res,
      {
        login: {
          accountId: subjectOf(login),
          amr: mfa ? ["pwd", "otp", "mfa"] : ["pwd"],
          acr: mfa ? "2" : "1",
          remember: false,
        },
      },
      { mergeWithLastSubmission: false },
    );
  }

  return {
    issuer,
    /** The `kid`s of the ID tokens the token endpoint issued, oldest first. */
    issued,

    /** Registers (or adds addresses to) a client, and makes the provider again with it. */
    registerClient(client: TestClient) {
      const known = clients.get(client.clientId);
      clients.set(client.clientId, {
        ...client,
        redirectUris: [...new Set([...(known?.redirectUris ?? []), ...client.redirectUris])],
        postLogoutRedirectUris: [
          ...new Set([...(known?.postLogoutRedirectUris ?? []), ...client.postLogoutRedirectUris]),
        ],
      });
      build();
    },

    /** A new signing key replaces the old one, which is no longer published: a rotation done abruptly. */
    rotateKeys() {
      keys = [newSigningKey()];
      build();
    },

    /** The key it signs with now, for a test to sign a changed token as the provider would. */
    get signingKey(): { kid: string; privateKey: KeyObject } {
      const [key] = keys;
      if (!key) throw new Error("no signing key");
      return {
        kid: key.kid,
        privateKey: createPrivateKey(key.privateKey.export({ format: "pem", type: "pkcs8" })),
      };
    },

    /** Until cleared, every ID token the token endpoint answers is replaced by what `change` makes of it. */
    tamperIdTokens(change: ((parts: IdTokenParts, idToken: string) => string) | undefined) {
      tamper = change;
    },

    /** Down: nothing listens on its port any more (a sign-in now finds the provider unreachable). */
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },

    /** Up again on the same port. */
    async start() {
      await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    },

    async close() {
      if (server.listening) await this.stop();
    },
  };
}

export type TestIdentityProvider = Awaited<ReturnType<typeof startTestIdentityProvider>>;
