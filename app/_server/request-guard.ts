/*
 * Requests refused before any page, route handler or server action sees them, with a 4xx and a plain
 * message instead of the 500 that Next or PostgreSQL would otherwise produce:
 * - a NUL byte, or a percent-encoding that is not UTF-8, in the path or the query (PostgreSQL cannot
 *   store or compare a NUL; no route of ours has a use for one);
 * - a server-action post from another site (Next refuses it by throwing, which answers 500);
 * - a server-action body that is not the encoding React sends (text/plain JSON or multipart form data):
 *   empty, not JSON, not an argument list, or nested deeper than any form of ours (React's decoder
 *   recurses on it).
 * Every permission and value is still checked in lib/; this only keeps garbage from becoming a 500.
 */

/** How deep an action's arguments may nest: our forms send objects a few levels deep. */
export const MAX_ACTION_NESTING = 64;

export type Refusal = { status: 400 | 403; message: string };

function decodes(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** The path and query as sent (still percent-encoded), e.g. from `new URL(request.url)`. */
export function refuseUrl(pathname: string, search: string): Refusal | null {
  const path = decodes(pathname);
  if (path === null) return { status: 400, message: 'the address is not valid UTF-8' };
  if (path.includes('\0')) return { status: 400, message: 'the address contains a NUL byte' };
  // The query may hold stray `%`s a browser sends as typed; only a NUL byte in it is refused.
  if (/%00/i.test(search) || search.includes('\0')) return { status: 400, message: 'the query contains a NUL byte' };
  return null;
}

/** Whether the host a browser put in Origin is the host it sent the request to. */
export function sameOrigin(headers: Headers): boolean {
  const origin = headers.get('origin');
  if (origin === null) return true; // not a browser's cross-site request: browsers always send Origin on POST
  const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** How deep arrays and objects nest in a JSON text, counted outside strings. */
export function jsonNesting(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') deepest = Math.max(deepest, ++depth);
    else if (c === ']' || c === '}') depth--;
  }
  return deepest;
}

/** The problem with a server action's text body (React sends the argument list as a JSON array). */
export function actionBodyProblem(body: string): string | null {
  if (body.length === 0) return 'the action request has no body';
  if (jsonNesting(body) > MAX_ACTION_NESTING) return 'the action request nests too deeply';
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return 'the action request is not valid JSON';
  }
  return Array.isArray(parsed) ? null : 'the action request is not an argument list';
}

/** The problem with a multipart body's start: it must open with the boundary its Content-Type names. */
export function multipartProblem(contentType: string, head: string): string | null {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!boundary) return 'the form data has no boundary';
  return head.startsWith(`--${boundary[1] ?? boundary[2]}`) ? null : 'the form data is malformed';
}

/** The body's first bytes as text. Read whole from a clone: cancelling a clone's stream part-way can stall the original. */
async function bodyHead(request: Request, bytes: number): Promise<string> {
  const body = new Uint8Array(await request.clone().arrayBuffer());
  return new TextDecoder().decode(body.subarray(0, bytes));
}

/** A server-action post's refusal, or null to let Next handle it. */
export async function refuseServerAction(request: Request): Promise<Refusal | null> {
  if (request.method !== 'POST' || !request.headers.has('next-action')) return null;
  if (!sameOrigin(request.headers)) return { status: 403, message: 'server actions are only accepted from this site' };
  const contentType = request.headers.get('content-type') ?? '';
  if (contentType.toLowerCase().startsWith('multipart/form-data')) {
    const problem = multipartProblem(contentType, await bodyHead(request, 256));
    return problem ? { status: 400, message: problem } : null;
  }
  if (!contentType.toLowerCase().startsWith('text/plain')) return { status: 400, message: 'a server action is sent as text/plain or multipart/form-data' };
  const problem = actionBodyProblem(await request.clone().text());
  return problem ? { status: 400, message: problem } : null;
}
