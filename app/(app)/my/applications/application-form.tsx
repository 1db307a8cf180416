'use client';

import { lazyZodResolver } from '@/app/_components/lazy-zod-resolver';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { useFieldArray, useForm, type Path } from 'react-hook-form';
import { toast } from '@/app/_components/toast';
import { Button } from '@/app/_components/ui/button';
import { Form } from '@/app/_components/ui/form';
import { useHydrated } from '@/app/_components/use-hydrated';
import { readArea } from '@/lib/validation/decimal';
import { missingForSubmit } from '@/lib/validation/application-completeness';
import { submitApplicationAction } from './actions';
import { draftUrl, STEP_FIELDS, STEP_OF, stepOfField, STEPS, type DraftValues, type FormAttachment } from './application-steps';
import { CompanyStep } from './company-step';
import { DocumentsStep } from './documents-step';
import { PlanStep } from './plan-step';
import { ProjectStep } from './project-step';
import { ReviewStep } from './review-step';
import { ErrorsElsewhere, fieldProblems } from './step-errors';
import { StepNav } from './step-nav';
import { SupportStep } from './support-step';
import { useDraftAutosave } from './use-draft-autosave';

/** The area as the server will read it ("120,5" is 120.50), so the checklist agrees with the server's. */
const areaAsSaved = (raw: DraftValues['premisesAreaM2']) => {
  if (raw === null || raw === undefined || raw === '') return null;
  const read = readArea(raw);
  return read.ok ? read.value : null;
};

/**
 * The application, step by step. Every pause in typing saves the draft on the server
 * (`useDraftAutosave`), and the step is kept in the URL, so a reload lands where the applicant
 * was with everything typed.
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
  const router = useRouter();
  const [step, setStep] = useState(props.initialStep);
  const stepRef = useRef(props.initialStep);
  const form = useForm<DraftValues>({ resolver: lazyZodResolver(() => import('@/lib/validation/applications').then((m) => m.applicationDraftSchema)), defaultValues: props.initial });
  const plan = useFieldArray({ control: form.control, name: 'plan' });
  const draft = useDraftAutosave(form, { applicationId: props.applicationId, initial: props.initial, stepRef });
  const { values, idRef, saveNow } = draft;
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [serverMissing, setServerMissing] = useState<string[]>([]);
  // The documents are kept here and updated from each upload's answer, so the list never waits for a page refresh.
  const [attachments, setAttachments] = useState(props.attachments);
  const fixed = props.status === 'returned';

  const [moving, setMoving] = useState(false);
  const [coverNote, setCoverNote] = useState('');
  const problems = fieldProblems(form.formState.errors);

  const show = (next: number) => {
    stepRef.current = next;
    setStep(next);
    window.history.replaceState(null, '', draftUrl(idRef.current, next));
    window.scrollTo({ top: 0 });
  };

  /**
   * Back is always open; forward only from a step whose fields are well-formed and saved. A step the
   * server refused keeps the person on it, every field's error shown and everything typed kept; a
   * refusal of fields on another step is named with that step (ErrorsElsewhere) and does not hold this one.
   */
  const goTo = async (next: number) => {
    if (next === step || next < 0 || next >= STEPS.length) return;
    if (next < step) {
      void saveNow();
      return show(next);
    }
    setMoving(true);
    try {
      const here = STEP_FIELDS[step];
      if (here.length && !(await form.trigger(here, { shouldFocus: true }))) {
        // Not saved either: the status says so rather than the last save's time.
        void saveNow();
        return;
      }
      if (!(await saveNow())) {
        const current = form.getValues();
        if (!current.parkId || !current.companyId) await form.trigger(['companyId', 'parkId']);
        const refused = fieldProblems(form.formState.errors);
        if (!refused.length || refused.some((p) => stepOfField(p.path) === step)) return;
      }
      show(next);
    } finally {
      setMoving(false);
    }
  };

  const missing = missingForSubmit({
    parkId: values.parkId ?? '',
    companyId: values.companyId ?? '',
    title: values.title ?? '',
    description: values.description ?? '',
    industry: values.industry ?? '',
    wantsPremises: Boolean(values.wantsPremises),
    premisesAreaM2: areaAsSaved(values.premisesAreaM2),
    wantsTaxIncentives: Boolean(values.wantsTaxIncentives),
    services: values.services ?? [],
    plan: (values.plan ?? []).map((p) => ({ year: Number(p.year) })),
    attachments,
  });
  const missingKeys = [...new Set([...Object.keys(missing), ...serverMissing])];
  const stepDone = (i: number) => i < 5 && !missingKeys.some((k) => STEP_OF[k] === i) && !problems.some((p) => stepOfField(p.path) === i);

  const submit = async () => {
    setSubmitError(null);
    setServerMissing([]);
    setSubmitting(true);
    try {
      if (!(await saveNow()) || !idRef.current) {
        // Say what stops it: every refused field is named with its step above; a save that failed for another reason says so.
        // trigger() answers whether every field passes: read from formState here, the errors could be the last render's.
        const valid = await form.trigger();
        setSubmitError(t(valid ? 'notSubmittedSave' : 'notSubmittedFix'));
        return;
      }
      const result = await submitApplicationAction({ applicationId: idRef.current, coverNote: fixed ? coverNote : '' });
      if (!result.ok) {
        const fieldErrors = result.fieldErrors ?? {};
        setServerMissing(Object.keys(fieldErrors).filter((k) => k in STEP_OF));
        // Marked on their fields too, so following the checklist's link lands on a highlighted field.
        for (const [field, messages] of Object.entries(fieldErrors)) if (field in values) form.setError(field as Path<DraftValues>, { message: messages[0] });
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

  return (
    <div className="space-y-6">
      <StepNav step={step} done={stepDone} onStep={(i) => void goTo(i)} save={draft.save} dirty={draft.dirty} />
      <Form {...form}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (step < STEPS.length - 1) void goTo(step + 1);
          }}
          noValidate
          className="space-y-5 rounded-xl border bg-card p-5 shadow-sm"
        >
          <h2 className="text-lg font-semibold">{t(`steps.${STEPS[step]}`)}</h2>
          {/* On the last step the checklist names what is missing; here only what was refused. */}
          <ErrorsElsewhere problems={step === 5 ? problems.filter((p) => !p.message.startsWith('missing')) : problems} step={step} onStep={(i) => void goTo(i)} />
          {step === 0 && <CompanyStep companies={props.companies} parks={props.parks} fixed={fixed} applicationId={draft.id} />}
          {step === 1 && <ProjectStep />}
          {step === 2 && <SupportStep wantsPremises={Boolean(values.wantsPremises)} />}
          {step === 3 && <PlanStep plan={plan} rows={values.plan} />}
          {step === 4 && <DocumentsStep applicationId={draft.id} attachments={attachments} onChange={setAttachments} beforeUpload={saveNow} />}
          {step === 5 && (
            <ReviewStep
              values={values}
              companies={props.companies}
              parks={props.parks}
              attachments={attachments}
              missing={missingKeys}
              onStep={(i) => void goTo(i)}
              error={submitError}
              onSubmit={submit}
              submitting={submitting}
              resubmit={fixed}
              coverNote={coverNote}
              onCoverNote={setCoverNote}
            />
          )}
          <div className="flex flex-wrap justify-between gap-2 border-t pt-4">
            <Button type="button" variant="outline" onClick={() => void goTo(step - 1)} disabled={step === 0}>
              {t('back')}
            </Button>
            {step < STEPS.length - 1 && (
              <Button type="submit" disabled={!hydrated || moving}>
                {t('next')}
              </Button>
            )}
          </div>
        </form>
      </Form>
    </div>
  );
}
