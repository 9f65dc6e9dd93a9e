import type { ComplianceException, PolicyPackView } from '@forvalta/contracts';
import { FormActions } from '../../components/FormActions.tsx';
import { Accordion, Badge, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { useCan } from '../../app/session.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { DateField } from '../../components/DateField.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { notifyError, notifySuccess } from '../../components/error-messages.ts';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import {
  complianceExceptionsQuery,
  policyPackQuery,
  policyPacksQuery,
  useCreateComplianceException,
  usePublishPolicyPackVersion,
  useRemoveComplianceException,
} from './compliance.queries.ts';
import { compareSections, fillParameters } from './compliance-format.ts';
import { DataTable, QueryTable } from '../../components/QueryTable.tsx';
import { Fact, SectionCard } from '../../components/SectionCard.tsx';

function PublishVersionModal({ pack, onClose }: { pack: PolicyPackView; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [version, setVersion] = useState('');
  const [versionError, setVersionError] = useState<string | null>(null);
  const [values, setValues] = useState<Record<string, number | string>>(() =>
    Object.fromEntries(pack.parameters.map((parameter) => [parameter.key, parameter.value])),
  );
  const publish = usePublishPolicyPackVersion(pack.id, {
    onSuccess: (created) => {
      notifySuccess(t('policy.published', { version: created.version }));
      onClose();
    },
    onError: notifyError,
  });
  const submit = () => {
    // Only the parameters the user changed go into the new version.
    const parameters: Record<string, number> = {};
    for (const parameter of pack.parameters) {
      const value = values[parameter.key];
      if (value !== '' && value !== undefined && Number(value) !== parameter.value) parameters[parameter.key] = Number(value);
    }
    publish.mutate({ version: version.trim(), parameters });
  };
  return (
    <Modal opened onClose={onClose} title={t('policy.publishTitle')} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!version.trim()) return setVersionError(t('common.required'));
          submit();
        }}
        noValidate
      >
        <Stack gap="md">
          <TextInput
            label={t('policy.newVersion')}
            description={t('policy.currentVersion', { version: pack.version })}
            required
            value={version}
            error={versionError}
            onChange={(event) => {
              setVersion(event.currentTarget.value);
              setVersionError(null);
            }}
            data-autofocus
          />
          {pack.parameters.map((parameter) => (
            <NumberInput
              key={parameter.key}
              label={i18n.language === 'en' ? parameter.descriptionEn : parameter.descriptionSv}
              description={`${parameter.key} (${t(`policy.units.${parameter.unit}`, { defaultValue: parameter.unit })})`}
              min={0}
              max={1200}
              allowDecimal={false}
              value={values[parameter.key]}
              onChange={(value) => setValues((previous) => ({ ...previous, [parameter.key]: value }))}
            />
          ))}
          <FormActions onCancel={onClose} submitLabel={t('policy.publish')} loading={publish.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

function ExceptionModal({ pack, onClose }: { pack: PolicyPackView; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [clauseId, setClauseId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ clauseId?: string; reason?: string }>({});
  const create = useCreateComplianceException({
    onSuccess: () => {
      notifySuccess(t('policy.exceptionCreated', { clause: clauseId }));
      onClose();
    },
    onError: notifyError,
  });
  return (
    <Modal opened onClose={onClose} title={t('policy.addException')} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const next = {
            ...(clauseId ? {} : { clauseId: t('common.required') }),
            ...(reason.trim() ? {} : { reason: t('common.required') }),
          };
          setErrors(next);
          if (clauseId && Object.keys(next).length === 0) create.mutate({ clauseId, reason: reason.trim(), until: until || null });
        }}
        noValidate
      >
        <Stack gap="md">
          <Select
            label={t('compliance.clause')}
            required
            searchable
            value={clauseId}
            error={errors.clauseId}
            onChange={setClauseId}
            data={pack.clauses
              .filter((clause) => clause.hasRule)
              .map((clause) => ({ value: clause.id, label: `${clause.id} – ${i18n.language === 'en' ? clause.titleEn : clause.titleSv}` }))}
            data-autofocus
          />
          <Textarea
            label={t('policy.exceptionReason')}
            required
            autosize
            minRows={3}
            value={reason}
            error={errors.reason}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
          <DateField label={t('policy.exceptionUntil')} description={t('policy.exceptionUntilHint')} value={until} onChange={setUntil} />
          <FormActions onCancel={onClose} submitLabel={t('policy.addException')} loading={create.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Styrdokumentet: the adopted policy as data, its clauses, parameters, versions and exceptions. */
export function PolicyPackPage() {
  const { t, i18n } = useTranslation();
  const canManage = useCan('policyPack.manage');
  const canManageExceptions = useCan('compliance.manageExceptions');
  const packs = useQuery(policyPacksQuery);
  const current = packs.data?.items.find((pack) => pack.current);
  const pack = useQuery(policyPackQuery(current?.id));
  const exceptions = useQuery(complianceExceptionsQuery);
  const [publishing, setPublishing] = useState(false);
  const [addingException, setAddingException] = useState(false);
  const [removing, setRemoving] = useState<ComplianceException | null>(null);
  const remove = useRemoveComplianceException({
    onSuccess: () => {
      notifySuccess(t('policy.exceptionRemoved'));
      setRemoving(null);
    },
    onError: notifyError,
  });
  const english = i18n.language === 'en';
  const sections = useMemo(() => {
    const bySection = new Map<string, PolicyPackView['clauses']>();
    for (const clause of pack.data?.clauses ?? []) bySection.set(clause.section, [...(bySection.get(clause.section) ?? []), clause]);
    return [...bySection.entries()].sort(([a], [b]) => compareSections(a, b));
  }, [pack.data]);

  if (packs.isLoading || pack.isLoading) return <LoadingState />;
  if (packs.error || pack.error || !pack.data) return <ErrorState error={packs.error ?? pack.error} onRetry={() => void packs.refetch()} />;
  const data = pack.data;

  return (
    <>
      <PageHeader
        title={t('policy.title')}
        intro={t('policy.intro')}
        actions={
          canManage && (
            <Button onClick={() => setPublishing(true)} variant="default">
              {t('policy.publishTitle')}
            </Button>
          )
        }
      />
      <Stack gap="lg">
        <SectionCard id="document" title={data.document.title}>
          <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 4 }} m={0}>
            <Fact label={t('policy.adoptedBy')}>{data.document.adoptedBy}</Fact>
            <Fact label={t('policy.decision')}>{`${formatDate(data.document.decisionDate)} (${data.document.decisionReference})`}</Fact>
            <Fact label={t('policy.version')}>{data.version}</Fact>
            <Fact label={t('policy.publishedAt')}>{`${formatDateTime(data.publishedAt)}, ${data.publishedByName}`}</Fact>
          </SimpleGrid>
        </SectionCard>

        <SectionCard id="parameters" title={t('policy.parameters')}>
          <DataTable
            rows={data.parameters}
            caption={t('policy.parameters')}
            rowKey={(parameter) => parameter.key}
            minWidth={640}
            columns={[
              {
                key: 'parameter',
                header: t('policy.parameter'),
                cell: (parameter) => (
                  <>
                    <Text size="sm">{english ? parameter.descriptionEn : parameter.descriptionSv}</Text>
                    <Text size="xs" c="gray.7" ff="monospace">
                      {parameter.key}
                    </Text>
                  </>
                ),
              },
              {
                key: 'value',
                header: t('policy.value'),
                align: 'right',
                nowrap: true,
                cell: (parameter) => `${parameter.value} ${t(`policy.units.${parameter.unit}`, { defaultValue: parameter.unit })}`,
              },
            ]}
          />
        </SectionCard>

        <SectionCard
          id="exceptions"
          title={t('policy.exceptions')}
          actions={
            canManageExceptions && (
              <Button size="xs" onClick={() => setAddingException(true)}>
                {t('policy.addException')}
              </Button>
            )
          }
        >
          <QueryTable
            query={exceptions}
            caption={t('policy.exceptions')}
            rowKey={(exception) => exception.id}
            rowTestId="exception-row"
            framed={false}
            minWidth={640}
            empty={<Text size="sm">{t('policy.noExceptions')}</Text>}
            columns={[
              { key: 'clause', header: t('compliance.clause'), nowrap: true, cell: (exception) => exception.clauseId },
              {
                key: 'reason',
                header: t('policy.exceptionReason'),
                cell: (exception) => <span className="wrap-anywhere">{exception.reason}</span>,
              },
              { key: 'decidedBy', header: t('policy.decidedBy'), cell: (exception) => exception.decidedBy },
              {
                key: 'until',
                header: t('policy.exceptionUntil'),
                cell: (exception) => (exception.until ? formatDate(exception.until) : t('policy.untilRevoked')),
              },
            ]}
            {...(canManageExceptions
              ? {
                  rowActionsLabel: (exception: ComplianceException) => t('policy.exceptionActionsFor', { clause: exception.clauseId }),
                  rowActions: (exception: ComplianceException) => [
                    { label: t('common.delete'), danger: true, onClick: () => setRemoving(exception) },
                  ],
                }
              : {})}
          />
        </SectionCard>

        <SectionCard
          id="clauses"
          title={t('policy.allClauses', { count: data.clauses.length, rules: data.clauses.filter((clause) => clause.hasRule).length })}
        >
          <Accordion multiple variant="separated" chevronPosition="left">
            {sections.map(([section, clauses]) => (
              <Accordion.Item key={section} value={section}>
                <Accordion.Control>
                  <Text fw={600} size="sm">
                    § {section} · {t('policy.clauseCount', { count: clauses.length })}
                  </Text>
                </Accordion.Control>
                <Accordion.Panel>
                  <Stack gap="md">
                    {clauses.map((clause) => (
                      <div key={clause.id}>
                        <Group gap="xs" mb={4}>
                          <AnchorLink fw={700} size="sm" to="/compliance/clauses/$clauseId" params={{ clauseId: clause.id }}>
                            {clause.id}
                          </AnchorLink>
                          <Text size="sm" fw={600}>
                            {english ? clause.titleEn : clause.titleSv}
                          </Text>
                          {clause.hasRule ? (
                            <Badge color="#1f6f36" variant="filled" tt="none">
                              {t('policy.hasRule')}
                            </Badge>
                          ) : (
                            <Badge color="gray.7" variant="outline" tt="none">
                              {t('policy.noRule')}
                            </Badge>
                          )}
                        </Group>
                        <Text size="sm" lang="sv" fs="italic">
                          ”{clause.textSv}”
                        </Text>
                        {clause.hasRule && (
                          <Text size="sm" c="gray.8" mt={4}>
                            {fillParameters(english ? clause.ruleDescriptionEn : clause.ruleDescriptionSv, data.parameters)}
                          </Text>
                        )}
                      </div>
                    ))}
                  </Stack>
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </SectionCard>

        <SectionCard id="versions" title={t('policy.versions')}>
          <QueryTable
            query={packs}
            caption={t('policy.versions')}
            rowKey={(version) => version.id}
            framed={false}
            minWidth={560}
            empty={null}
            columns={[
              { key: 'version', header: t('policy.version'), cell: (version) => version.version },
              { key: 'publishedAt', header: t('policy.publishedAt'), cell: (version) => formatDateTime(version.publishedAt) },
              { key: 'publishedBy', header: t('policy.publishedBy'), cell: (version) => version.publishedByName },
              {
                key: 'current',
                header: t('policy.current'),
                headerHidden: true,
                cell: (version) =>
                  version.current && (
                    <Badge variant="outline" color="blue.9" tt="none">
                      {t('policy.current')}
                    </Badge>
                  ),
              },
            ]}
          />
        </SectionCard>
      </Stack>
      {publishing && <PublishVersionModal pack={data} onClose={() => setPublishing(false)} />}
      {addingException && <ExceptionModal pack={data} onClose={() => setAddingException(false)} />}
      <ConfirmDialog
        opened={removing !== null}
        title={t('policy.removeExceptionTitle')}
        text={removing ? t('policy.removeExceptionText', { clause: removing.clauseId }) : ''}
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        onConfirm={() => removing && remove.mutate(removing)}
        onClose={() => setRemoving(null)}
      />
    </>
  );
}
