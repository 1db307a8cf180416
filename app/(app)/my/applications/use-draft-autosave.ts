'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useWatch, type Path, type UseFormReturn } from 'react-hook-form';
import { saveDraftAction } from './actions';
import { draftUrl, type DraftValues } from './application-steps';

const AUTOSAVE_DELAY_MS = 700;

/** `at`: when the server saved it, as the server wrote it (lib/i18n/format.ts formatTime). */
export type SaveState = { state: 'idle' | 'waiting' | 'saving' | 'saved' | 'error'; at?: string; message?: string; json: string };

/**
 * Saves the draft on the server at every pause in typing and when the tab is hidden. One save at a
 * time (each waits for the one before), so the first creates the draft and the rest update it;
 * once created, the address becomes the draft's, on the step in `stepRef`.
 */
export function useDraftAutosave(
  form: UseFormReturn<DraftValues>,
  { applicationId, initial, stepRef }: { applicationId: string | null; initial: DraftValues; stepRef: RefObject<number> },
) {
  const t = useTranslations('applications');
  const [id, setId] = useState(applicationId);
  const idRef = useRef(applicationId);
  // useWatch re-renders on every change; the snapshot is taken exactly as a save would take it.
  const values = useWatch({ control: form.control }) as DraftValues;
  const snapshot = JSON.stringify(form.getValues());
  const lastSaved = useRef(applicationId ? JSON.stringify(initial) : '');
  const queue = useRef<Promise<boolean>>(Promise.resolve(true));
  const [save, setSave] = useState<SaveState>({ state: applicationId ? 'idle' : 'waiting', json: applicationId ? JSON.stringify(initial) : '' });

  const persist = useCallback(async (): Promise<boolean> => {
    const current = form.getValues();
    const json = JSON.stringify(current);
    if (idRef.current && json === lastSaved.current) return true;
    if (!current.parkId || !current.companyId) {
      setSave((s) => ({ ...s, state: 'waiting' }));
      return false;
    }
    // zod loads with the first save, not with the page (the form's resolver loads it the same way).
    const { applicationDraftSchema } = await import('@/lib/validation/applications');
    const parsed = applicationDraftSchema.safeParse(current);
    if (!parsed.success) {
      // The errors now are exactly what this parse found: a field corrected since the last one is cleared.
      form.clearErrors();
      for (const issue of parsed.error.issues) form.setError(issue.path.join('.') as Path<DraftValues>, { message: issue.message });
      setSave((s) => ({ ...s, state: 'error', message: t('autosave.fix') }));
      return false;
    }
    setSave((s) => ({ ...s, state: 'saving' }));
    const result = await saveDraftAction({ ...current, applicationId: idRef.current });
    if (!result.ok) {
      form.clearErrors();
      for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) form.setError(field as Path<DraftValues>, { message: messages[0] });
      setSave((s) => ({ ...s, state: 'error', message: t('autosave.error', { message: result.formError ?? '' }) }));
      return false;
    }
    lastSaved.current = json;
    form.clearErrors();
    if (!idRef.current) {
      idRef.current = result.data.applicationId;
      setId(result.data.applicationId);
      window.history.replaceState(null, '', draftUrl(result.data.applicationId, stepRef.current));
    }
    setSave({ state: 'saved', at: result.data.savedAt, json });
    return true;
  }, [form, t, stepRef]);

  /** Saves now, after any save already under way; resolves to whether everything typed is saved. */
  const saveNow = useCallback((): Promise<boolean> => {
    const next = queue.current.then(persist, persist);
    queue.current = next;
    return next;
  }, [persist]);

  useEffect(() => {
    const timer = setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [snapshot, saveNow]);

  useEffect(() => {
    // The tab being hidden or closed is the last moment to save what was typed.
    const onHide = () => {
      if (document.visibilityState === 'hidden') void saveNow();
    };
    document.addEventListener('visibilitychange', onHide);
    return () => document.removeEventListener('visibilitychange', onHide);
  }, [saveNow]);

  /** `id` is the draft's id once created (for rendering), `idRef` the same without waiting for a render. */
  return { id, idRef, values, save, dirty: snapshot !== save.json, saveNow };
}
