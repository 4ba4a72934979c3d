/**
 * Which address a page should call the sandbox by. The session cookie is `SameSite=Strict`, and
 * to a browser `localhost` and `127.0.0.1` (and `[::1]`) are different sites: a page on
 * `http://localhost:5173` that signs in at `http://127.0.0.1:4010` gets its cookie, and then every
 * call answers 401, because the cookie is not sent from the other site. The sandbox answers on every
 * loopback name; the page must use the one it is served from.
 */

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The sandbox's address as a page served from `origin` must call it (same host name). */
export function sandboxUrlFor(sandboxUrl: string, origin: string): string {
  const sandbox = new URL(sandboxUrl);
  const page = new URL(origin);
  if (
    LOOPBACK.has(sandbox.hostname) &&
    LOOPBACK.has(page.hostname) &&
    page.hostname !== sandbox.hostname
  )
    sandbox.hostname = page.hostname;
  return sandbox.origin;
}

/**
 * Lines to print at start-up: for each loopback origin allowed (and `localhost` always), the
 * address its pages must use when it is not the one printed.
 */
export function siteAdvice(sandboxUrl: string, origins: readonly string[] = []): string[] {
  const host = new URL(sandboxUrl).hostname;
  if (!LOOPBACK.has(host)) return [];
  const pages = [...new Set(['http://localhost', ...origins])].filter((o) => {
    const name = new URL(o).hostname;
    return LOOPBACK.has(name) && name !== host;
  });
  return pages.map(
    (origin) =>
      `From a page on ${origin}, call ${sandboxUrlFor(sandboxUrl, origin)}: the session cookie is SameSite=Strict, and ${new URL(origin).hostname} and ${host} are different sites to a browser (signing in would work, every call after it would answer 401).`,
  );
}
