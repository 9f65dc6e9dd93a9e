import type { System } from '@forvalta/contracts';
import { Anchor, Badge, Button, Code, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { notifyError, notifySuccess } from '../../components/error-messages.ts';
import { LoadingState } from '../../components/LoadingState.tsx';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format.ts';
import { departmentNameMap, useAllDepartments } from '../organisation/departments/departments.queries.ts';
import { DutiesSection } from './DutiesSection.tsx';
import { HistorySection } from './HistorySection.tsx';
import { IntegrationsSection } from './IntegrationsSection.tsx';
import { PeopleSection } from './PeopleSection.tsx';
import { LifecycleBadge, UncoveredBadge } from './SystemBadges.tsx';
import { SystemComplianceSection } from './SystemComplianceSection.tsx';
import { RisksSection } from '../risks/RisksSection.tsx';
import { SystemReviewsSection } from '../reviews/SystemReviewsSection.tsx';
import { SystemAccessSection } from '../access-rights/SystemAccessSection.tsx';
import { SystemFormModal } from './SystemFormModal.tsx';
import { SystemProcessingSection } from '../privacy/SystemProcessingSection.tsx';
import { SystemAssetsSection } from '../assets/SystemAssetsSection.tsx';
import { SystemSoftwareSection } from '../software/SystemSoftwareSection.tsx';
import { costCategoryValues } from './system-values.ts';
import { systemQuery, useConfirmSystem, useDeleteSystem } from './systems.queries.ts';
import { Fact, SectionCard } from '../../components/SectionCard.tsx';

const routeApi = getRouteApi('/authenticated/content/systems/$systemId');

function ConfirmButton({ system }: { system: System }) {
  const { t } = useTranslation();
  const confirm = useConfirmSystem(system, {
    onSuccess: (saved) => notifySuccess(t('system.confirmed', { name: saved.name })),
    onError: notifyError,
  });
  return (
    <Button color="#1f6f36" onClick={() => confirm.mutate()} loading={confirm.isPending}>
      {t('system.confirm')}
    </Button>
  );
}

export function SystemPage() {
  // The section headings of the modules that add to a system's page.
  const { t, i18n } = useTranslation(['translation', 'privacy', 'assets', 'lifecycle']);
  const { systemId } = routeApi.useParams();
  const navigate = useNavigate();
  const system = useQuery(systemQuery(systemId));
  const departments = useAllDepartments();
  const names = departmentNameMap(departments.data);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);

  // fixPath links (#people, #duties, #costs …) land on their section once the page is drawn.
  const shownSystemId = system.data?.id;
  useEffect(() => {
    if (!shownSystemId || !window.location.hash) return;
    const target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    target?.scrollIntoView({ block: 'start' });
  }, [shownSystemId]);

  const remove = useDeleteSystem(system.data, {
    onSuccess: () => {
      notifySuccess(t('system.deleted', { name: system.data?.name }));
      void navigate({ to: '/systems' });
    },
    onError: notifyError,
  });

  if (system.isLoading) return <LoadingState />;
  if (system.error || !system.data) return <ErrorState error={system.error} onRetry={() => void system.refetch()} />;
  const s = system.data;
  const money = (value: number | null) => (value === null ? t('system.notStated') : `${formatNumber(value, i18n.language)} kr`);
  const knownCosts = costCategoryValues.map((category) => s.yearlyCosts[category]).filter((value): value is number => value !== null);
  const sections = [
    ['overview', t('system.overview')],
    ['costs', t('system.costsTitle')],
    ['people', t('system.people')],
    ['duties', t('system.duties')],
    ['integrations', t('system.integrations')],
    ['compliance', t('system.compliance')],
    ['privacy', t('privacy:system.title')],
    ['assets', t('assets:system.title')],
    ['reviews', t('lifecycle:systemReviews.title')],
    ['history', t('system.history')],
  ] as const;

  return (
    <>
      <AnchorLink to="/systems" size="sm">
        <span aria-hidden="true">← </span>
        {t('system.backToRegister')}
      </AnchorLink>
      <Group justify="space-between" align="flex-start" mt="xs" mb="md" wrap="wrap" gap="md">
        <Stack gap={6} maw={760}>
          <Title order={1} size="h2">
            {s.name}
          </Title>
          <Group gap="xs">
            <LifecycleBadge lifecycle={s.lifecycle} />
            <Badge variant="outline" color="blue.9" tt="none">
              {t(`labels.kind.${s.kind}`)}
            </Badge>
            {s.uncovered && <UncoveredBadge />}
          </Group>
          <Text size="sm" c="gray.7">
            {s.lastConfirmedAt
              ? t('system.lastConfirmedBy', { date: formatDate(s.lastConfirmedAt), name: s.lastConfirmedByName ?? '–' })
              : t('system.neverConfirmed')}
          </Text>
        </Stack>
        <Group gap="sm">
          {s.can.confirm && <ConfirmButton system={s} />}
          {s.can.update && (
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('system.edit')}
            </Button>
          )}
          {s.can.delete && (
            <Button variant="outline" color="red.9" onClick={() => setDeleting(true)}>
              {t('common.delete')}
            </Button>
          )}
        </Group>
      </Group>

      <Group component="nav" aria-label={t('system.sections')} gap="md" mb="md" wrap="wrap">
        {sections.map(([id, label]) => (
          <Anchor key={id} href={`#${id}`} size="sm">
            {label}
          </Anchor>
        ))}
      </Group>

      <Stack gap="lg">
        <SectionCard id="overview" title={t('system.overview')}>
          <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 3 }} spacing="md" m={0}>
            <Fact label={t('system.purpose')}>{s.purpose ?? '–'}</Fact>
            <Fact label={t('system.description')}>{s.description ?? '–'}</Fact>
            <Fact label={t('system.owner')}>{s.ownerDepartmentName}</Fact>
            <Fact label={t('system.usingDepartments')}>{s.usingDepartmentIds.map((id) => names.get(id) ?? '…').join(', ') || '–'}</Fact>
            <Fact label={t('systems.scope')}>{t(`labels.scope.${s.scope}`)}</Fact>
            <Fact label={t('system.supplierProduct')}>{[s.supplier, s.product, s.productVersion].filter(Boolean).join(' · ') || '–'}</Fact>
            <Fact label={t('system.hosting')}>{s.hosting ? t(`labels.hosting.${s.hosting}`) : '–'}</Fact>
            <Fact label={t('system.userCount')}>{s.userCount === null ? '–' : formatNumber(s.userCount, i18n.language)}</Fact>
            <Fact label={t('system.processesPersonalData')}>{s.processesPersonalData ? t('common.yes') : t('common.no')}</Fact>
            <Fact label={t('system.nis2')}>{s.nis2 ? t('common.yes') : t('common.no')}</Fact>
            <Fact label={t('system.tags')}>
              {s.tags.length === 0
                ? '–'
                : s.tags.map((tag, index) => (
                    <span key={tag}>
                      {index > 0 && ', '}
                      <AnchorLink to="/systems" search={{ tag }} size="sm">
                        {tag}
                      </AnchorLink>
                    </span>
                  ))}
            </Fact>
            <Fact label={t('system.links')}>
              {s.documentationLinks.length === 0 ? (
                '–'
              ) : (
                <List size="sm" spacing={0}>
                  {s.documentationLinks.map((link) => (
                    <List.Item key={link.url}>
                      <Anchor href={link.url} target="_blank" rel="noopener noreferrer" size="sm">
                        {link.title}
                      </Anchor>
                    </List.Item>
                  ))}
                </List>
              )}
            </Fact>
          </SimpleGrid>
        </SectionCard>

        <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="lg">
          <SectionCard id="costs" title={t('system.costsTitle')}>
            <SimpleGrid component="dl" cols={2} spacing="sm" m={0}>
              {costCategoryValues.map((category) => (
                <Fact key={category} label={t(`labels.cost.${category}`)}>
                  {money(s.yearlyCosts[category])}
                </Fact>
              ))}
              <Fact label={t('system.costsTotal')}>
                {knownCosts.length
                  ? `${formatNumber(
                      knownCosts.reduce((a, b) => a + b, 0),
                      i18n.language,
                    )} kr`
                  : '–'}
              </Fact>
            </SimpleGrid>
          </SectionCard>
          <SectionCard id="classification" title={t('system.classificationTitle')}>
            {s.classification ? (
              <>
                <SimpleGrid component="dl" cols={2} spacing="sm" m={0}>
                  {(['confidentiality', 'integrity', 'availability', 'traceability'] as const).map((aspect) => (
                    <Fact key={aspect} label={t(`labels.classification.${aspect}`)}>
                      <Code>{s.classification![aspect]}</Code>
                    </Fact>
                  ))}
                </SimpleGrid>
                <Text size="xs" c="gray.7" mt="sm">
                  {t('system.classifiedBy', {
                    date: formatDate(s.classification.classifiedOn),
                    name: s.classification.recordedByName,
                    at: formatDateTime(s.classification.recordedAt),
                  })}
                </Text>
              </>
            ) : (
              <Text size="sm">{t('system.notClassified')}</Text>
            )}
          </SectionCard>
          <SectionCard id="continuity" title={t('system.continuityTitle')}>
            <SimpleGrid component="dl" cols={2} spacing="sm" m={0}>
              <Fact label={t('system.criticality')}>
                {s.continuity.criticality ? t(`labels.criticality.${s.continuity.criticality}`) : '–'}
              </Fact>
              <Fact label={t('system.rto')}>{s.continuity.recoveryTimeObjectiveHours ?? '–'}</Fact>
              <Fact label={t('system.rpo')}>{s.continuity.recoveryPointObjectiveHours ?? '–'}</Fact>
              <Fact label={t('system.lastRestoreTest')}>{formatDate(s.continuity.lastRestoreTestOn)}</Fact>
              <Fact label={t('system.supplierSupportEnds')}>{formatDate(s.continuity.supplierSupportEndsOn)}</Fact>
            </SimpleGrid>
          </SectionCard>
        </SimpleGrid>

        <PeopleSection system={s} />
        <DutiesSection system={s} />
        <IntegrationsSection system={s} />
        <SystemComplianceSection system={s} />
        <SystemProcessingSection system={s} />
        <SystemAssetsSection system={s} />
        <SystemSoftwareSection system={s} />
        <RisksSection systemId={s.id} systemName={s.name} canRead={s.can.readRiskAnalyses} canWrite={s.can.writeRiskAnalyses} />
        <SystemReviewsSection system={s} />
        <SystemAccessSection system={s} />
        <HistorySection systemId={s.id} />
      </Stack>

      {editing && <SystemFormModal system={s} onClose={() => setEditing(false)} />}
      <ConfirmDialog
        opened={deleting}
        title={t('system.deleteTitle', { name: s.name })}
        text={t('system.deleteText')}
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        onConfirm={() => remove.mutate()}
        onClose={() => setDeleting(false)}
      />
    </>
  );
}
