'use client';

import type { ActionResult } from '@/app/_server/action';

/**
 * Posts a form to one of the app's upload routes, reporting how much of the body has been sent (0–1),
 * and resolves with the route's ActionResult. fetch() cannot report an upload's progress; XMLHttpRequest
 * can. A failure on the way (the connection, a body refused by a proxy) becomes `failed`'s message.
 */
export function uploadWithProgress<T>(url: string, body: FormData, onProgress: (sent: number) => void, failed: string): Promise<ActionResult<T>> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.upload.onload = () => onProgress(1);
    request.onload = () => {
      const result = request.response as ActionResult<T> | null;
      resolve(result && typeof result === 'object' && 'ok' in result ? result : { ok: false, formError: failed });
    };
    request.onerror = () => resolve({ ok: false, formError: failed });
    request.send(body);
  });
}
