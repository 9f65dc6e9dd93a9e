import type { Assessment, Software, SoftwareDecision, SoftwareDecisionCreate } from '@forvalta/contracts';
import { Alert, Fieldset, Modal, SegmentedControl, Select, SimpleGrid, Stack, TagsInput, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { DateField } from '../../components/DateField.tsx';
import { errorMessage, notifySuccess } from '../../components/error-messages.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { assessmentValues, reviewAspectValues } from './software-values.ts';
import { useDecide, useProposeDecision } from './software.queries.ts';

type Aspect = (typeof reviewAspectValues)[number];
interface AspectValues {
  assessment: Assessment | null;
  evidence: string;
}
interface DecisionFormValues {
  decision: 'allowed' | 'refused';
  purpose: string;
  validUntil: string | null;
  conditions: string[];
  review: Record<Aspect, AspectValues>;
  reason: string;
}

function valuesOf(decision: SoftwareDecision | null): DecisionFormValues {
  const aspect = (name: Aspect): AspectValues => ({
    assessment: decision?.review[name].assessment ?? null,
    evidence: decision?.review[name].evidence ?? '',
  });
  return {
    decision: 'allowed',
    purpose: decision?.purpose ?? '',
    validUntil: decision?.validUntil ?? null,
    conditions: decision?.conditions ?? [],
    review: { stability: aspect('stability'), security: aspect('security'), futureProofing: aspect('futureProofing') },
    reason: decision?.reason ?? '',
  };
}

function reviewOf(values: DecisionFormValues) {
  return Object.fromEntries(
    reviewAspectValues.map((aspect) => [
      aspect,
      { assessment: values.review[aspect].assessment, evidence: values.review[aspect].evidence.trim() || null },
    ]),
  ) as NonNullable<SoftwareDecisionCreate['review']>;
}

/**
 * Proposes a decision (the IT unit, a system's stewards) or records the IT chief's (only the IT
 * chief, never the proposer). Open source is allowed only with stability, security and
 * future-proofing each judged with its evidence: the fields are shown for it, and the server's
 * refusal names the aspects that are missing beside them.
 */
export function DecisionFormModal({
  software,
  decision,
  onClose,
}: {
  software: Software;
  /** The proposal the IT chief decides; null to make a proposal. */
  decision: SoftwareDecision | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('software');
  const deciding = decision !== null;
  const openSource = software.origin === 'open_source';
  const form = useForm<DecisionFormValues>({ mode: 'controlled', initialValues: valuesOf(decision) });
  const [refusal, setRefusal] = useState<string | null>(null);
  const onError = (error: unknown) => {
    setRefusal(isApiError(error, 'version_mismatch') ? t('decision.stale') : errorMessage(error));
    if (error instanceof Error && isApiError(error)) {
      const errors: Record<string, string> = {};
      for (const path of Object.keys(error.fieldErrors())) {
        const aspect = reviewAspectValues.find((name) => path === `review.${name}`);
        if (aspect) errors[`review.${aspect}.evidence`] = t('decision.aspectMissing');
        else if (path === 'reason') errors.reason = t('decision.reasonRequired');
      }
      form.setErrors(errors);
    }
  };
  const propose = useProposeDecision();
  const decide = useDecide(decision ?? ({ id: '', version: 0 } as SoftwareDecision));
  const values = form.getValues();

  const submit = form.onSubmit((current) => {
    setRefusal(null);
    const common = {
      purpose: current.purpose.trim() || null,
      validUntil: current.validUntil,
      conditions: current.conditions.map((condition) => condition.trim()).filter(Boolean),
      ...(openSource ? { review: reviewOf(current) } : {}),
    };
    if (deciding) {
      decide.mutate(
        { decision: current.decision, ...common, reason: current.reason.trim() || null },
        {
          onSuccess: () => {
            notifySuccess(t(current.decision === 'allowed' ? 'decision.allowedDone' : 'decision.refusedDone', { name: software.product }));
            onClose();
          },
          onError,
        },
      );
    } else {
      propose.mutate(
        { softwareId: software.id, ...common },
        {
          onSuccess: () => {
            notifySuccess(t('decision.proposedDone', { name: software.product }));
            onClose();
          },
          onError,
        },
      );
    }
  });

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t(deciding ? 'decision.decideTitle' : 'decision.proposeTitle', { name: software.product })}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {refusal && (
            <Alert color="red" variant="light" role="alert" title={t('decision.refusedByServer')}>
              <Text size="sm">{refusal}</Text>
            </Alert>
          )}
          {deciding && (
            <Stack gap={4}>
              <Text size="sm" fw={500} id="decision-choice-label">
                {t('decision.choice')}
              </Text>
              <SegmentedControl
                aria-labelledby="decision-choice-label"
                data={[
                  { value: 'allowed', label: t('decision.allow') },
                  { value: 'refused', label: t('decision.refuse') },
                ]}
                {...form.getInputProps('decision')}
              />
            </Stack>
          )}
          <Textarea label={t('decision.purpose')} autosize minRows={2} maxRows={5} data-autofocus {...form.getInputProps('purpose')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField label={t('decision.validUntil')} description={t('decision.validUntilHint')} {...form.getInputProps('validUntil')} />
            <TagsInput label={t('decision.conditions')} description={t('decision.conditionsHint')} {...form.getInputProps('conditions')} />
          </SimpleGrid>
          {openSource && (
            <Fieldset legend={t('decision.review')}>
              <Text size="sm" c="gray.7" mb="sm">
                {t('decision.reviewHint')}
              </Text>
              <Stack gap="md">
                {reviewAspectValues.map((aspect) => (
                  <Stack key={aspect} gap="xs">
                    <Select
                      w={{ base: '100%', sm: 260 }}
                      label={t(`aspect.${aspect}`)}
                      placeholder={t('decision.notJudged')}
                      clearable
                      data={assessmentValues.map((value) => ({ value, label: t(`assessment.${value}`) }))}
                      comboboxProps={{ withinPortal: true }}
                      {...form.getInputProps(`review.${aspect}.assessment`)}
                    />
                    <Textarea
                      label={t(`evidence.${aspect}`)}
                      autosize
                      minRows={1}
                      maxRows={4}
                      {...form.getInputProps(`review.${aspect}.evidence`)}
                    />
                  </Stack>
                ))}
              </Stack>
            </Fieldset>
          )}
          {deciding && (
            <Textarea
              label={t('decision.reason')}
              description={values.decision === 'refused' ? t('decision.reasonRequired') : undefined}
              required={values.decision === 'refused'}
              autosize
              minRows={2}
              maxRows={5}
              {...form.getInputProps('reason')}
            />
          )}
          <FormActions
            onCancel={onClose}
            submitLabel={deciding ? t('decision.record') : t('decision.propose')}
            loading={propose.isPending || decide.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
