/**
 * DNS rebinding protection: PinDesk answers only requests addressed to one of its own origins. A page at
 * `http://evil.example` whose name the attacker re-points at 127.0.0.1 reaches a panel listening on loopback
 * with `Host: evil.example` — and, being same-origin to itself, passes an Origin check that compares Origin
 * with Host. Refusing every Host but PinDesk's own closes that door (decision 0018).
 *
 * PinDesk's own: each origin of PINDESK_PUBLIC_URL, and always the address the request reached — the
 * listening socket's IP address, and for a loopback socket every loopback name — on any port: rebinding
 * needs a name the attacker controls, so a port adds no protection, and a development proxy (Vite) keeps
 * its own. Health probes (/healthz, /readyz) answer whatever the Host, as orchestrators probe by address.
 */
import type { Request, RequestHandler } from "express";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);
const PROBES = new Set(["/healthz", "/readyz"]);

/** How a socket address reads in a Host header: brackets around IPv6, IPv4-mapped addresses as IPv4. */
function asHostName(address: string | undefined): string {
  const plain = (address ?? "").replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
  return plain.includes(":") ? `[${plain}]` : plain;
}

/** The request's own origin (scheme, host name, port), or undefined when its Host does not parse. */
function requestOrigin(req: Request): URL | undefined {
  try {
    // req.host is the Host header, or X-Forwarded-Host where "trust proxy" believes the proxy.
    return new URL(`${req.protocol}://${req.host}`);
  } catch {
    return undefined;
  }
}

function reachedAddress(req: Request, url: URL): boolean {
  const socketName = asHostName(req.socket.localAddress);
  const name = url.hostname.toLowerCase();
  return name === socketName || (LOOPBACK.has(socketName) && LOOPBACK.has(name));
}

export function hostAllowList(publicOrigins: readonly string[]): RequestHandler {
  const configured = new Set(publicOrigins.map((origin) => new URL(origin).origin));
  return (req, res, next) => {
    if (PROBES.has(req.path)) return next();
    const url = requestOrigin(req);
    if (url && (configured.has(url.origin) || reachedAddress(req, url))) return next();
    const message =
      `PinDesk does not answer to the host "${req.get("host") ?? ""}". ` +
      "If this is its address, add it to PINDESK_PUBLIC_URL.";
    // 421 Misdirected Request: this server is not the one for that name (RFC 9110, 15.5.20).
    res.status(421);
    if (req.path.startsWith("/api/")) res.json({ error: { code: "misdirected_request", message } });
    else res.type("text/plain").send(message);
  };
}
