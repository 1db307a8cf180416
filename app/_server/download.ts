export type DownloadBody = string | Buffer | Uint8Array | ReadableStream<Uint8Array>;
export type Download = { body: DownloadBody; contentType: string; fileName: string; sizeBytes?: number };

/**
 * RFC 6266 with RFC 5987: `filename` is an ASCII stand-in for old clients; `filename*` carries the
 * name itself (Cyrillic, spaces) when the stand-in had to change it. Quotes, backslashes and control
 * characters never reach the header.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return ascii === fileName ? `attachment; filename="${ascii}"` : `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Every file the app sends: an attachment, never cached (it is one reader's data), never sniffed as another type. */
export function downloadResponse({ body, contentType, fileName, sizeBytes }: Download): Response {
  const headers: Record<string, string> = {
    'Content-Type': contentType,
    'Content-Disposition': contentDisposition(fileName),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  };
  if (sizeBytes !== undefined) headers['Content-Length'] = String(sizeBytes);
  return new Response(typeof body === 'string' || body instanceof ReadableStream ? body : new Uint8Array(body), { headers });
}
