'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { Check, FileText, Trash2 } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useFieldArray, useForm, useWatch, type Path } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import { FieldError, FormError } from '@/app/_components/form-error';
import { Badge } from '@/app/_components/ui/badge';
import { Button } from '@/app/_components/ui/button';
import { cn } from '@/app/_components/ui/cn';
import { Input, Label, NativeSelect, Textarea } from '@/app/_components/ui/input';
import { missingForSubmit } from '@/lib/validation/application-completeness';
import { applicationDraftSchema, ATTACHMENT_KINDS, MAX_ATTACHMENT_BYTES, SERVICES, type AttachmentKind } from '@/lib/validation/applications';
import type { ActionResult } from '@/app/_server/action';
import { deleteAttachmentAction, saveDraftAction, submitApplicationAction } from './actions';
import { useHydrated } from '@/app/_components/use-hydrated';

export type DraftValues = z.input<typeof applicationDraftSchema>;
export type FormAttachment = { id: string; kind: AttachmentKind; fileName: string; sizeBytes: number; submitted: boolean };

const STEPS = ['company', 'project', 'support', 'plan', 'documents', 'review'] as const;
/** Which step holds each field, so a missing item links to where it is filled in. */
const STEP_OF: Record<string, number> = { title: 1, description: 1, industry: 1, support: 2, premisesAreaM2: 2, plan: 3, attachments: 4 };
const AUTOSAVE_DELAY_MS = 700;

type SaveState = { state: 'idle' | 'waiting' | 'saving' | 'saved' | 'error'; at?: Date; message?: string; json: string };

/**
 * The application, step by step. Every pause in typing saves the draft on the server (one save at a
 * time, so the first creates the draft and the rest update it), and the step is kept in the URL, so a
 * reload lands where the applicant was with everything typed.
 */
export function ApplicationForm(props: {
  applicationId: string | null;
  initial: DraftValues;
  companies: { id: string; name: string }[];
  parks: { id: string; name: string }[];
  attachments: FormAttachment[];
  status: 'draft' | 'returned';
  initialStep: number;
}) {
  const t = useTranslations('applications');
  const hydrated = useHydrated();
  const locale = useLocale();
  const router = useRouter();
  const [step, setStep] = useState(props.initialStep);
  const [applicationId, setApplicationId] = useState(props.applicationId);
  const idRef = useRef(props.applicationId);
  const stepRef = useRef(props.initialStep);
  const form = useForm<DraftValues>({ resolver: zodResolver(applicationDraftSchema), defaultValues: props.initial });
  const plan = useFieldArray({ control: form.control, name: 'plan' });
  // useWatch re-renders on every change; the snapshot is taken exactly as a save would take it.
  const values = useWatch({ control: form.control }) as DraftValues;
  const snapshot = JSON.stringify(form.getValues());
  const lastSaved = useRef(props.applicationId ? JSON.stringify(props.initial) : '');
  const queue = useRef<Promise<boolean>>(Promise.resolve(true));
  const [save, setSave] = useState<SaveState>({ state: props.applicationId ? 'idle' : 'waiting', json: props.applicationId ? JSON.stringify(props.initial) : '' });
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [serverMissing, setServerMissing] = useState<string[]>([]);
  // The documents are kept here and updated from each upload's answer, so the list never waits for a page refresh.
  const [attachments, setAttachments] = useState(props.attachments);
  const fixed = props.status === 'returned';

  const urlFor = (id: string | null, s: number) => `${id ? `/my/applications/${id}` : '/my/applications/new'}?step=${s + 1}`;

  const persist = useCallback(async (): Promise<boolean> => {
    const current = form.getValues();
    const json = JSON.stringify(current);
    if (idRef.current && json === lastSaved.current) return true;
    if (!current.parkId || !current.companyId) {
      setSave((s) => ({ ...s, state: 'waiting' }));
      return false;
    }
    const parsed = applicationDraftSchema.safeParse(current);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) form.setError(issue.path.join('.') as Path<DraftValues>, { message: issue.message });
      setSave((s) => ({ ...s, state: 'error', message: t('autosave.fix') }));
      return false;
    }
    setSave((s) => ({ ...s, state: 'saving' }));
    const result = await saveDraftAction({ ...current, applicationId: idRef.current });
    if (!result.ok) {
      for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) form.setError(field as Path<DraftValues>, { message: messages[0] });
      setSave((s) => ({ ...s, state: 'error', message: t('autosave.error', { message: result.formError ?? '' }) }));
      return false;
    }
    lastSaved.current = json;
    form.clearErrors();
    if (!idRef.current) {
      idRef.current = result.data.applicationId;
      setApplicationId(result.data.applicationId);
      window.history.replaceState(null, '', urlFor(result.data.applicationId, stepRef.current));
    }
    setSave({ state: 'saved', at: new Date(result.data.savedAt), json });
    return true;
  }, [form, t]);

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

  const goTo = (next: number) => {
    void saveNow();
    stepRef.current = next;
    setStep(next);
    window.history.replaceState(null, '', urlFor(idRef.current, next));
    window.scrollTo({ top: 0 });
  };

  const missing = missingForSubmit({
    title: values.title ?? '',
    description: values.description ?? '',
    industry: values.industry ?? '',
    wantsPremises: Boolean(values.wantsPremises),
    premisesAreaM2: values.premisesAreaM2 ? String(values.premisesAreaM2) : null,
    wantsTaxIncentives: Boolean(values.wantsTaxIncentives),
    services: values.services ?? [],
    plan: (values.plan ?? []).map((p) => ({ year: Number(p.year) })),
    attachments,
  });
  const missingKeys = [...new Set([...Object.keys(missing), ...serverMissing])];
  const stepDone = (i: number) => i < 5 && !missingKeys.some((k) => STEP_OF[k] === i) && (i !== 0 || Boolean(values.companyId && values.parkId));

  const submit = async () => {
    setSubmitError(null);
    setServerMissing([]);
    setSubmitting(true);
    try {
      if (!(await saveNow()) || !idRef.current) {
        setSubmitError(t('autosave.fix'));
        return;
      }
      const result = await submitApplicationAction({ applicationId: idRef.current });
      if (!result.ok) {
        setServerMissing(Object.keys(result.fieldErrors ?? {}).filter((k) => k in STEP_OF));
        setSubmitError(result.formError ?? null);
        return;
      }
      toast.success(t('submitted'));
      router.replace(`/my/applications/${idRef.current}`);
      router.refresh();
    } finally {
      setSubmitting(false);
    }
  };

  const errors = form.formState.errors;
  const savedText =
    save.state === 'saving'
      ? t('autosave.saving')
      : save.state === 'saved' && save.at
        ? t('autosave.saved', { time: save.at.toLocaleTimeString(locale === 'ru' ? 'ru-RU' : 'en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' }) })
        : save.state === 'error'
          ? save.message
          : save.state === 'waiting'
            ? t('autosave.waiting')
            : t('autosave.idle');

  return (
    <div className="space-y-6">
      <nav aria-label={t('stepsLabel')} className="space-y-3">
        <div className="flex items-center justify-between gap-3 text-sm">
          <span className="font-medium" data-testid="step-progress">
            {t('progress', { current: step + 1, total: STEPS.length })}
          </span>
          <span className={cn('text-xs', save.state === 'error' ? 'text-destructive' : 'text-muted-foreground')} aria-live="polite" data-testid="autosave-status" data-state={save.state} data-dirty={snapshot === save.json ? 'no' : 'yes'}>
            {savedText}
          </span>
        </div>
        <div className="h-1.5 overflow-hidden rounded-full bg-muted" role="progressbar" aria-valuemin={1} aria-valuemax={STEPS.length} aria-valuenow={step + 1} aria-label={t('stepsLabel')}>
          <div className="h-full rounded-full bg-primary transition-all" style={{ width: `${((step + 1) / STEPS.length) * 100}%` }} />
        </div>
        <ol className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
          {STEPS.map((s, i) => (
            <li key={s}>
              <button
                type="button"
                onClick={() => goTo(i)}
                aria-current={i === step ? 'step' : undefined}
                className={cn(
                  'flex w-full items-center gap-2 rounded-md border px-2 py-1.5 text-left text-xs transition-colors hover:bg-accent',
                  i === step ? 'border-primary bg-primary/5 font-medium' : 'border-transparent',
                )}
              >
                <span
                  className={cn(
                    'flex size-5 shrink-0 items-center justify-center rounded-full text-[10px] font-semibold',
                    stepDone(i) ? 'bg-emerald-600 text-white' : i === step ? 'bg-primary text-primary-foreground' : 'bg-muted text-muted-foreground',
                  )}
                  aria-hidden
                >
                  {stepDone(i) ? <Check className="size-3" /> : i + 1}
                </span>
                <span className="min-w-0">{t(`steps.${s}`)}</span>
              </button>
            </li>
          ))}
        </ol>
      </nav>

      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (step < STEPS.length - 1) goTo(step + 1);
        }}
        noValidate
        className="space-y-5 rounded-xl border bg-card p-5 shadow-sm"
      >
        <h2 className="text-lg font-semibold">{t(`steps.${STEPS[step]}`)}</h2>

        {step === 0 && (
          <div className="grid gap-4 sm:grid-cols-2">
            <div className="space-y-2">
              <Label htmlFor="app-company">{t('company')}</Label>
              <NativeSelect id="app-company" disabled={fixed} aria-invalid={!!errors.companyId} {...form.register('companyId')}>
                <option value="">{t('chooseCompany')}</option>
                {props.companies.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </NativeSelect>
              <FieldError message={errors.companyId?.message} />
              <p className="text-xs text-muted-foreground">
                <Link className="text-primary hover:underline" href={`/my/companies/new?next=${encodeURIComponent(urlFor(applicationId, 0))}`}>
                  {t('addCompany')}
                </Link>
              </p>
            </div>
            <div className="space-y-2">
              <Label htmlFor="app-park">{t('park')}</Label>
              <NativeSelect id="app-park" disabled={fixed} aria-invalid={!!errors.parkId} {...form.register('parkId')}>
                <option value="">{t('choosePark')}</option>
                {props.parks.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </NativeSelect>
              <FieldError message={errors.parkId?.message} />
            </div>
          </div>
        )}

        {step === 1 && (
          <div className="grid gap-4">
            <div className="space-y-2">
              <Label htmlFor="app-title">{t('projectTitle')}</Label>
              <Input id="app-title" aria-invalid={!!errors.title} {...form.register('title')} />
              <FieldError message={errors.title?.message} />
            </div>
            <div className="space-y-2">
              <Label htmlFor="app-description">{t('description')}</Label>
              <Textarea id="app-description" rows={7} aria-describedby="app-description-hint" aria-invalid={!!errors.description} {...form.register('description')} />
              <p id="app-description-hint" className="text-xs text-muted-foreground">
                {t('descriptionHint')}
              </p>
              <FieldError message={errors.description?.message} />
            </div>
            <div className="space-y-2 sm:max-w-md">
              <Label htmlFor="app-industry">{t('industry')}</Label>
              <Input id="app-industry" aria-invalid={!!errors.industry} {...form.register('industry')} />
              <FieldError message={errors.industry?.message} />
            </div>
          </div>
        )}

        {step === 2 && (
          <div className="space-y-5">
            <div className="space-y-3 rounded-lg border p-4">
              <label className="flex items-center gap-2 text-sm font-medium">
                <input type="checkbox" className="size-4 accent-[var(--primary)]" {...form.register('wantsPremises')} />
                {t('wantsPremises')}
              </label>
              {values.wantsPremises && (
                <div className="space-y-2 sm:max-w-xs">
                  <Label htmlFor="app-area">{t('premisesArea')}</Label>
                  <Input id="app-area" inputMode="decimal" aria-invalid={!!errors.premisesAreaM2} {...form.register('premisesAreaM2')} />
                  <FieldError message={errors.premisesAreaM2?.message} />
                </div>
              )}
            </div>
            <label className="flex items-center gap-2 rounded-lg border p-4 text-sm font-medium">
              <input type="checkbox" className="size-4 accent-[var(--primary)]" {...form.register('wantsTaxIncentives')} />
              {t('wantsTax')}
            </label>
            <fieldset className="space-y-2 rounded-lg border p-4">
              <legend className="px-1 text-sm font-medium">{t('services')}</legend>
              <div className="grid gap-2 sm:grid-cols-2">
                {SERVICES.map((s) => (
                  <label key={s} className="flex items-center gap-2 text-sm">
                    <input type="checkbox" value={s} className="size-4 accent-[var(--primary)]" {...form.register('services')} />
                    {t(`serviceNames.${s}`)}
                  </label>
                ))}
              </div>
            </fieldset>
          </div>
        )}

        {step === 3 && (
          <div className="space-y-3">
            {plan.fields.length === 0 && <p className="text-sm text-muted-foreground">{t('plan.empty')}</p>}
            {plan.fields.length > 0 && (
              <div className="overflow-x-auto rounded-lg border">
                <table className="w-full min-w-[720px] text-sm">
                  <thead className="bg-muted/50 text-left text-xs text-muted-foreground">
                    <tr>
                      <th className="px-2 py-2 font-medium">{t('plan.year')}</th>
                      <th className="px-2 py-2 font-medium">{t('plan.investment')}</th>
                      <th className="px-2 py-2 font-medium">{t('plan.capex')}</th>
                      <th className="px-2 py-2 font-medium">{t('plan.jobs')}</th>
                      <th className="px-2 py-2 font-medium">{t('plan.income')}</th>
                      <th className="w-10" />
                    </tr>
                  </thead>
                  <tbody>
                    {plan.fields.map((row, i) => {
                      const rowErrors = errors.plan?.[i];
                      const cell = (name: 'year' | 'investmentRub' | 'capitalInvestmentRub' | 'newJobs' | 'incomeRub', column: string, inputMode: 'numeric' | 'decimal') => (
                        <td className="px-2 py-2 align-top">
                          <Input
                            inputMode={inputMode}
                            aria-label={t('plan.cell', { column, row: i + 1 })}
                            aria-invalid={!!rowErrors?.[name]}
                            className={name === 'year' ? 'w-20' : undefined}
                            {...form.register(`plan.${i}.${name}` as const)}
                          />
                          <FieldError message={rowErrors?.[name]?.message} />
                        </td>
                      );
                      return (
                        <tr key={row.id} className="border-t">
                          {cell('year', t('plan.year'), 'numeric')}
                          {cell('investmentRub', t('plan.investment'), 'decimal')}
                          {cell('capitalInvestmentRub', t('plan.capex'), 'decimal')}
                          {cell('newJobs', t('plan.jobs'), 'numeric')}
                          {cell('incomeRub', t('plan.income'), 'decimal')}
                          <td className="px-1 py-2 align-top">
                            <Button type="button" variant="ghost" size="icon" onClick={() => plan.remove(i)} aria-label={t('plan.remove', { year: String(values.plan?.[i]?.year ?? i + 1) })}>
                              <Trash2 />
                            </Button>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
            <FieldError message={errors.plan?.message ?? errors.plan?.root?.message} />
            <Button
              type="button"
              variant="outline"
              size="sm"
              onClick={() => {
                const years = (values.plan ?? []).map((p) => Number(p.year)).filter((y) => Number.isInteger(y) && y > 0);
                const year = years.length ? Math.max(...years) + 1 : new Date().getFullYear();
                plan.append({ year: String(year), investmentRub: '', capitalInvestmentRub: '', newJobs: '', incomeRub: '' });
              }}
            >
              {t('plan.add')}
            </Button>
          </div>
        )}

        {step === 4 && <Documents applicationId={applicationId} attachments={attachments} onChange={setAttachments} beforeUpload={saveNow} />}

        {step === 5 && (
          <div className="space-y-4">
            {missingKeys.length > 0 ? (
              <div className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-800 dark:bg-amber-950/30" role="status">
                <p className="font-medium">{t('missingTitle')}</p>
                <ul className="mt-2 list-disc space-y-1 pl-5">
                  {missingKeys.map((k) => (
                    <li key={k}>
                      <button type="button" className="text-left text-primary hover:underline" onClick={() => goTo(STEP_OF[k] ?? 0)}>
                        {t(`missing.${k}`)}
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            ) : (
              <p className="rounded-lg border border-emerald-300 bg-emerald-50 p-4 text-sm dark:border-emerald-800 dark:bg-emerald-950/30">{t('ready')}</p>
            )}
            <FormError message={submitError} />
            <Button type="button" onClick={submit} disabled={!hydrated || submitting}>
              {submitting ? t('submitting') : fixed ? t('resubmit') : t('submit')}
            </Button>
          </div>
        )}

        <div className="flex flex-wrap justify-between gap-2 border-t pt-4">
          <Button type="button" variant="outline" onClick={() => goTo(step - 1)} disabled={step === 0}>
            {t('back')}
          </Button>
          {step < STEPS.length - 1 && (
            <Button type="submit" disabled={!hydrated}>
              {t('next')}
            </Button>
          )}
        </div>
      </form>
    </div>
  );
}

function Documents({
  applicationId,
  attachments,
  onChange,
  beforeUpload,
}: {
  applicationId: string | null;
  attachments: FormAttachment[];
  onChange: (next: FormAttachment[]) => void;
  beforeUpload: () => Promise<boolean>;
}) {
  const t = useTranslations('applications');
  const hydrated = useHydrated();
  const tv = useTranslations('validation');
  const [kind, setKind] = useState<AttachmentKind>(attachments.some((a) => a.kind === 'business_plan') ? 'presentation' : 'business_plan');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  if (!applicationId) return <p className="text-sm text-muted-foreground">{t('documents.needDraft')}</p>;

  const upload = async (e: React.SyntheticEvent) => {
    e.preventDefault();
    e.stopPropagation();
    setError(null);
    const file = fileRef.current?.files?.[0];
    if (!file) return setError(tv('chooseFile'));
    if (file.size > MAX_ATTACHMENT_BYTES) return setError(tv('fileTooLarge'));
    setBusy(true);
    try {
      await beforeUpload();
      const data = new FormData();
      data.set('applicationId', applicationId);
      data.set('kind', kind);
      data.set('file', file);
      // A plain request to the upload route: the file never waits behind a draft save in the action queue.
      const result = await fetch('/files', { method: 'POST', body: data })
        .then((response) => response.json() as Promise<ActionResult<Omit<FormAttachment, 'submitted'>>>)
        .catch((): ActionResult<Omit<FormAttachment, 'submitted'>> => ({ ok: false }));
      if (!result.ok) {
        const key = result.fieldErrors?.file?.[0];
        setError(key && tv.has(key) ? tv(key) : (result.formError ?? t('documents.failed')));
        return;
      }
      toast.success(t('documents.uploaded'));
      onChange([...attachments, { ...result.data, submitted: false }]);
      if (fileRef.current) fileRef.current.value = '';
      if (kind === 'business_plan') setKind('presentation');
    } finally {
      setBusy(false);
    }
  };

  const remove = async (id: string) => {
    const result = await deleteAttachmentAction({ attachmentId: id });
    if (!result.ok) return setError(result.formError ?? null);
    toast.success(t('documents.deleted'));
    onChange(attachments.filter((a) => a.id !== id));
  };

  return (
    <div className="space-y-4">
      {attachments.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t('documents.empty')}</p>
      ) : (
        <ul className="divide-y rounded-lg border" aria-label={t('steps.documents')}>
          {attachments.map((f) => (
            <li key={f.id} className="flex flex-wrap items-center gap-2 px-3 py-2 text-sm">
              <FileText className="size-4 text-muted-foreground" aria-hidden />
              <a href={`/files/${f.id}`} className="font-medium text-primary hover:underline">
                {f.fileName}
              </a>
              <Badge variant="outline">{t(`documents.kinds.${f.kind}`)}</Badge>
              {f.submitted && <Badge variant="secondary">{t('documents.submittedTag')}</Badge>}
              <span className="text-xs text-muted-foreground">{t('documents.size', { size: Math.max(1, Math.round(f.sizeBytes / 1024)) })}</span>
              {!f.submitted && (
                <Button type="button" variant="ghost" size="sm" className="ml-auto" onClick={() => remove(f.id)}>
                  {t('documents.delete')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {/* A separate element from the step form: the file goes to its own action, not through the draft. */}
      <div className="grid gap-3 rounded-lg border border-dashed p-4 sm:grid-cols-[200px_1fr_auto] sm:items-end" role="group" aria-label={t('documents.upload')}>
        <div className="space-y-2">
          <Label htmlFor="doc-kind">{t('documents.kind')}</Label>
          <NativeSelect id="doc-kind" value={kind} onChange={(e) => setKind(e.target.value as AttachmentKind)}>
            {ATTACHMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`documents.kinds.${k}`)}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="space-y-2">
          <Label htmlFor="doc-file">{t('documents.file')}</Label>
          <Input id="doc-file" ref={fileRef} type="file" accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg" />
        </div>
        <Button type="button" onClick={upload} disabled={!hydrated || busy}>
          {busy ? t('documents.uploading') : t('documents.upload')}
        </Button>
        <p className="text-xs text-muted-foreground sm:col-span-3">{t('documents.hint')}</p>
        {error && (
          <p role="alert" className="text-sm text-destructive sm:col-span-3">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
