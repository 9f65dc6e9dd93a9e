import type { BudgetInput, GateGap, Project, ProjectAction, TrainingEntry } from '@forvalta/contracts';
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Code,
  Group,
  List,
  Modal,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, apiRequest, isApiError } from '../../api/client.ts';
import { hasPermission, useCurrentUser } from '../../app/session.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { DateField } from '../../components/DateField.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { notifyError, notifySuccess } from '../../components/error-messages.ts';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PersonPicker } from '../organisation/roles/PersonPicker.tsx';
import { StaleRecordAlert } from '../../components/StaleRecordAlert.tsx';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format.ts';
import { i18next } from '../../i18n/index.ts';
import { projectQuery, runProjectAction, sectionOfGap } from './project-api.ts';
import { ProjectStateBadge } from './ProjectsPage.tsx';

const BudgetChart = lazy(() => import('./BudgetChart.tsx').then((module) => ({ default: module.BudgetChart })));

const routeApi = getRouteApi('/authenticated/content/projects/$projectId');

const budgetCategories = ['project_management', 'consultants', 'software', 'servers', 'clients', 'network', 'communication', 'training'] as const;
const sharedResources = ['network', 'communication', 'servers', 'workstations'] as const;
const trainingAudiences = ['system_managers', 'it_unit', 'users', 'other_departments', 'person'] as const;
const judgements = ['meets', 'partly', 'does_not_meet', 'not_applicable'] as const;

function Section({ id, title, children, actions }: { id: string; title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby={`${id}-heading`} id={id} style={{ scrollMarginTop: 76 }}>
      <Group justify="space-between" mb="sm" wrap="wrap" gap="sm">
        <Title order={2} size="h4" id={`${id}-heading`}>
          {title}
        </Title>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
      {children}
    </Card>
  );
}

/** A gate's missing piece in the interface language; the server's (English) words are the last resort. */
export function gapText(gap: GateGap, project: Pick<Project, 'complianceAnalysis'>): string {
  const t = i18next.getFixedT(null, 'lifecycle');
  if (gap.path === 'description' || gap.path === 'specification' || gap.path === 'timeline' || gap.path === 'trainingPlan') return t(`gap.${gap.path}`);
  if (gap.path === 'trainingPlan.entries') {
    if (/system managers/i.test(gap.message)) return t('gap.trainingSystemManagers');
    if (/IT unit/i.test(gap.message)) return t('gap.trainingItUnit');
  }
  if (gap.path === 'budget' && /no budget/i.test(gap.message)) return t('gap.budget');
  const budgetAmount = /^budget\.(categories|sharedReinforcements)\.(\w+)\.(oneOff|yearly)$/.exec(gap.path);
  if (budgetAmount) {
    const [, group, key, period] = budgetAmount;
    const item = `${t(`${group === 'categories' ? 'category' : 'shared'}.${key}`)} (${t(`project.${period}`)})`;
    return t('gap.budgetAmount', { item });
  }
  if (gap.path.startsWith('complianceAnalysis.items.')) {
    const key = gap.path.slice('complianceAnalysis.items.'.length);
    const item = project.complianceAnalysis.items.find((candidate) => candidate.key === key);
    const reference = item ? `${item.reference} ${i18next.language === 'en' ? item.titleEn : item.titleSv}` : key;
    return t(/motivation/i.test(gap.message) ? 'gap.motivation' : 'gap.compliance', { reference });
  }
  if (gap.path === 'riskAnalysis' && /no risk analysis/i.test(gap.message)) return t('gap.riskAnalysis');
  if (gap.path === 'riskAnalysis.scenarios') return t(/consequence/i.test(gap.message) ? 'gap.noConsequence' : 'gap.noScenario');
  if (gap.path === 'projectLeadPersonId') return t('gap.projectLead');
  if (gap.path === 'complianceAnalysis') return t('gap.complianceEmpty');
  return gap.message;
}

/** The gaps, with the unjudged compliance items folded into one line so the list stays readable. */
function GapList({ gaps, project }: { gaps: GateGap[]; project: Project }) {
  const { t } = useTranslation('lifecycle');
  const compliance = gaps.filter((gap) => gap.path.startsWith('complianceAnalysis.items.'));
  const others = gaps.filter((gap) => !gap.path.startsWith('complianceAnalysis.items.'));
  const rows = others.map((gap) => ({ code: gap.code, text: gapText(gap, project), section: sectionOfGap(gap.path) }));
  if (compliance.length === 1) rows.push({ code: compliance[0]!.code, text: gapText(compliance[0]!, project), section: 'compliance-analysis' });
  if (compliance.length > 1) rows.push({ code: compliance[0]!.code, text: t('gap.complianceCount', { count: compliance.length }), section: 'compliance-analysis' });
  return (
    <List spacing="xs" data-testid="gate-gaps">
      {rows.map((row, index) => (
        <List.Item key={`${row.code}-${index}`} data-testid="gate-gap">
          <Code>{row.code}</Code> {row.text}{' '}
          <Anchor href={`#${row.section}`} size="sm" c="blue.9">
            {t('project.gapLink', { section: t(`gap.section.${row.section}`) })}
          </Anchor>
        </List.Item>
      ))}
    </List>
  );
}

export function ProjectPage() {
  const { t } = useTranslation('lifecycle');
  const { projectId } = routeApi.useParams();
  const project = useQuery(projectQuery(projectId));
  const [stale, setStale] = useState(false);
  // The forms keep what is typed across saves elsewhere on the page; a reload after a 412 starts them afresh.
  const [reloads, setReloads] = useState(0);

  if (project.isLoading) return <LoadingState />;
  if (project.error || !project.data) return <ErrorState error={project.error} onRetry={() => void project.refetch()} />;
  const p = project.data;

  return (
    <Stack gap="lg">
      <div>
        <AnchorLink to="/projects" size="sm">
          ← {t('project.back')}
        </AnchorLink>
        <Group justify="space-between" align="flex-start" mt="xs" wrap="wrap">
          <Stack gap={4}>
            <Title order={1} size="h2">
              {p.title}
            </Title>
            <Group gap="sm">
              <ProjectStateBadge state={p.state} />
              <Text size="sm" c="gray.7">
                {t(`kind.${p.kind}`)}
              </Text>
            </Group>
          </Stack>
        </Group>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 4 }} spacing="md" mt="md" m={0}>
          <Fact label={t('project.system')}>
            <AnchorLink to="/systems/$systemId" params={{ systemId: p.systemId }}>
              {p.systemName}
            </AnchorLink>
          </Fact>
          <Fact label={t('project.department')}>{p.departmentName}</Fact>
          <Fact label={t('project.lead')}>{p.projectLeadName ?? '–'}</Fact>
          <Fact label={t('project.itContact')}>{p.itContactName ?? '–'}</Fact>
        </SimpleGrid>
      </div>

      {stale && (
        <StaleRecordAlert
          onReload={() => {
            setStale(false);
            void project.refetch().then(() => setReloads((count) => count + 1));
          }}
        />
      )}

      <Section id="progress" title={t('project.progress')}>
        {p.submitGaps.length === 0 ? (
          <Text size="sm" data-testid="gate-ready">
            {t('project.progressReady')}
          </Text>
        ) : (
          <Stack gap="xs">
            <Text size="sm">{t('project.progressCount', { count: p.submitGaps.length })}</Text>
            <GapList gaps={p.submitGaps} project={p} />
          </Stack>
        )}
      </Section>

      <ActionsSection project={p} onStale={() => setStale(true)} />

      <DocumentsSection key={`documents-${reloads}`} project={p} onStale={() => setStale(true)} />
      <BudgetSection key={`budget-${p.budget?.revision ?? 0}-${reloads}`} project={p} onStale={() => setStale(true)} />
      <ComplianceSection key={`compliance-${reloads}`} project={p} onStale={() => setStale(true)} />

      <Section id="risk-analysis" title={t('project.riskAnalysis')}>
        <Stack gap="xs" align="flex-start">
          <Text size="sm">
            {p.riskAnalysis ? t('project.riskAnalysisSummary', { date: formatDate(p.riskAnalysis.analysedOn), count: p.riskAnalysis.scenarioCount }) : t('project.noRiskAnalysis')}
          </Text>
          <AnchorLink to="/systems/$systemId" params={{ systemId: p.systemId }} hash="risks" size="sm">
            {t('project.openSystem')}
          </AnchorLink>
        </Stack>
      </Section>

      <CheckpointsSection project={p} />

      {p.approvals.length > 0 && (
        <Section id="approvals" title={t('project.approvals')}>
          <Stack gap="sm">
            {p.approvals.map((approval) => (
              <div key={approval.id} data-testid="approval">
                <Text size="sm" fw={600}>
                  {t('project.approvalLine', {
                    decision: approval.decision === 'rejected' ? t('state.rejected') : approval.decision === 'approved' ? t('project.decisionApproved') : t('project.decisionApprovedWithConditions'),
                    date: formatDate(approval.decidedOn),
                    name: approval.approverName,
                  })}
                </Text>
                {approval.caseReference && (
                  <Text size="sm">
                    {t('project.caseReference')}: {approval.caseReference}
                  </Text>
                )}
                {approval.scope && (
                  <Text size="sm">
                    {t('project.scope')}: {approval.scope}
                    {approval.approvedVersion ? ` (${approval.approvedVersion})` : ''}
                  </Text>
                )}
                {approval.reason && <Text size="sm">{approval.reason}</Text>}
                {approval.conditions.length > 0 && (
                  <List size="sm">
                    {approval.conditions.map((condition, index) => (
                      <List.Item key={index}>
                        {condition.text}
                        {condition.deadline ? ` (${formatDate(condition.deadline)})` : ''}
                      </List.Item>
                    ))}
                  </List>
                )}
              </div>
            ))}
          </Stack>
        </Section>
      )}
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" fw={700} c="gray.7">
        {label}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {children}
      </Text>
    </div>
  );
}

/** Puts a saved project in the cache, so every section shows the new version. */
function useSaveProject() {
  const queryClient = useQueryClient();
  return (project: Project) => {
    queryClient.setQueryData(['projects', 'detail', project.id], project);
    void queryClient.invalidateQueries({ queryKey: ['projects', 'list'] });
  };
}

function handleWriteError(error: unknown, onStale: () => void) {
  if (isApiError(error, 'version_mismatch')) onStale();
  else notifyError(error);
}

/* ---------- Workflow actions ---------- */

function ActionsSection({ project, onStale }: { project: Project; onStale: () => void }) {
  const { t } = useTranslation('lifecycle');
  const me = useCurrentUser();
  const store = useSaveProject();
  const [refused, setRefused] = useState<GateGap[] | null>(null);
  const [approving, setApproving] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const canUpdate = hasPermission(me, 'project.update') || project.projectLeadPersonId === me.personId;
  const canApprove = hasPermission(me, 'project.approve');
  const action = useMutation({
    mutationFn: (name: ProjectAction) => runProjectAction(project, name),
    onSuccess: (updated) => {
      setRefused(null);
      store(updated);
      notifySuccess(t('project.actionDone', { state: t(`state.${updated.state}`) }));
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'rule_violation' && error.problem?.errors?.length) {
        setRefused(error.problem.errors.map((entry) => ({ path: entry.path, message: entry.message, code: entry.code ?? '' })));
      } else handleWriteError(error, onStale);
    },
  });
  const simple = project.availableActions.filter((name) => (name === 'approve' || name === 'reject' ? false : canUpdate));
  const showApproval = canApprove && project.availableActions.includes('approve');
  if (simple.length === 0 && !showApproval && !refused) return null;
  return (
    <Section id="actions" title={t('project.actions')}>
      <Stack gap="sm">
        <Group gap="sm">
          {simple.map((name) => (
            <Button key={name} variant={name === 'submit' ? 'filled' : 'default'} loading={action.isPending && action.variables === name} onClick={() => action.mutate(name)}>
              {t(`action.${name}`)}
            </Button>
          ))}
          {showApproval && <Button onClick={() => setApproving(true)}>{t('action.approve')}</Button>}
          {canApprove && project.availableActions.includes('reject') && (
            <Button color="red" variant="outline" onClick={() => setRejecting(true)}>
              {t('action.reject')}
            </Button>
          )}
        </Group>
        {refused && (
          <Alert color="red" variant="light" role="alert" title={t('project.refused')} data-testid="submit-refused">
            <GapList gaps={refused} project={project} />
          </Alert>
        )}
      </Stack>
      {approving && <ApproveModal project={project} onClose={() => setApproving(false)} onStale={onStale} />}
      {rejecting && <RejectModal project={project} onClose={() => setRejecting(false)} onStale={onStale} />}
    </Section>
  );
}

function ApproveModal({ project, onClose, onStale }: { project: Project; onClose: () => void; onStale: () => void }) {
  const { t } = useTranslation('lifecycle');
  const store = useSaveProject();
  const [decision, setDecision] = useState<'approved' | 'approved_with_conditions'>('approved');
  const [conditions, setConditions] = useState<Array<{ text: string; deadline: string | null }>>([]);
  const [scope, setScope] = useState('');
  const [approvedVersion, setApprovedVersion] = useState('');
  const [caseReference, setCaseReference] = useState('');
  const [decidedOn, setDecidedOn] = useState<string | null>(null);
  const approve = useMutation({
    mutationFn: () =>
      runProjectAction(project, 'approve', {
        decision,
        scope: scope.trim(),
        ...(decision === 'approved_with_conditions'
          ? { conditions: conditions.filter((condition) => condition.text.trim()).map((condition) => ({ text: condition.text.trim(), deadline: condition.deadline })) }
          : {}),
        ...(approvedVersion.trim() ? { approvedVersion: approvedVersion.trim() } : {}),
        ...(caseReference.trim() ? { caseReference: caseReference.trim() } : {}),
        ...(decidedOn ? { decidedOn } : {}),
      }),
    onSuccess: (updated) => {
      store(updated);
      notifySuccess(t('project.actionDone', { state: t(`state.${updated.state}`) }));
      onClose();
    },
    onError: (error) => handleWriteError(error, onStale),
  });
  return (
    <Modal opened onClose={onClose} title={t('project.approvalTitle')} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          approve.mutate();
        }}
      >
        <Stack>
          <NativeSelect
            label={t('project.decision')}
            value={decision}
            onChange={(event) => setDecision(event.currentTarget.value as typeof decision)}
            data={[
              { value: 'approved', label: t('project.decisionApproved') },
              { value: 'approved_with_conditions', label: t('project.decisionApprovedWithConditions') },
            ]}
          />
          {decision === 'approved_with_conditions' && (
            <Stack gap="xs">
              <Text size="sm" fw={600}>
                {t('project.conditions')}
              </Text>
              {conditions.map((condition, index) => (
                <Group key={index} align="flex-end" wrap="nowrap">
                  <TextInput
                    style={{ flex: 1 }}
                    label={t('project.conditionText', { number: index + 1 })}
                    value={condition.text}
                    onChange={(event) => {
                      const text = event.currentTarget.value;
                      setConditions((previous) => previous.map((item, position) => (position === index ? { ...item, text } : item)));
                    }}
                  />
                  <DateField
                    label={t('project.conditionDeadline', { number: index + 1 })}
                    value={condition.deadline}
                    onChange={(deadline) => setConditions((previous) => previous.map((item, position) => (position === index ? { ...item, deadline } : item)))}
                  />
                </Group>
              ))}
              <Button variant="default" size="xs" onClick={() => setConditions((previous) => [...previous, { text: '', deadline: null }])} style={{ alignSelf: 'flex-start' }}>
                {t('project.addCondition')}
              </Button>
            </Stack>
          )}
          <Textarea label={t('project.scope')} required value={scope} onChange={(event) => setScope(event.currentTarget.value)} autosize minRows={2} />
          <TextInput label={t('project.approvedVersion')} value={approvedVersion} onChange={(event) => setApprovedVersion(event.currentTarget.value)} />
          <TextInput label={t('project.caseReference')} value={caseReference} onChange={(event) => setCaseReference(event.currentTarget.value)} />
          <DateField label={t('project.decidedOn')} value={decidedOn} onChange={setDecidedOn} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('projects.cancel')}
            </Button>
            <Button type="submit" loading={approve.isPending} disabled={!scope.trim()}>
              {t('action.approve')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function RejectModal({ project, onClose, onStale }: { project: Project; onClose: () => void; onStale: () => void }) {
  const { t } = useTranslation('lifecycle');
  const store = useSaveProject();
  const [reason, setReason] = useState('');
  const [caseReference, setCaseReference] = useState('');
  const reject = useMutation({
    mutationFn: () => runProjectAction(project, 'reject', { reason: reason.trim(), ...(caseReference.trim() ? { caseReference: caseReference.trim() } : {}) }),
    onSuccess: (updated) => {
      store(updated);
      onClose();
    },
    onError: (error) => handleWriteError(error, onStale),
  });
  return (
    <Modal opened onClose={onClose} title={t('project.rejectTitle')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          reject.mutate();
        }}
      >
        <Stack>
          <Textarea label={t('project.reason')} required value={reason} onChange={(event) => setReason(event.currentTarget.value)} autosize minRows={3} />
          <TextInput label={t('project.caseReference')} value={caseReference} onChange={(event) => setCaseReference(event.currentTarget.value)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('projects.cancel')}
            </Button>
            <Button type="submit" color="red" loading={reject.isPending} disabled={!reason.trim()}>
              {t('action.reject')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/* ---------- Documents, training plan, timeline ---------- */

function canEdit(project: Project, me: ReturnType<typeof useCurrentUser>): boolean {
  const editable = project.state === 'draft' || project.state === 'in_preparation';
  return editable && (hasPermission(me, 'project.update') || project.projectLeadPersonId === me.personId);
}

function DocumentsSection({ project, onStale }: { project: Project; onStale: () => void }) {
  const { t } = useTranslation('lifecycle');
  const me = useCurrentUser();
  const editable = canEdit(project, me);
  const store = useSaveProject();
  const [description, setDescription] = useState(project.description ?? '');
  const [specification, setSpecification] = useState(project.specification ?? '');
  const [trainingText, setTrainingText] = useState(project.trainingPlan.text ?? '');
  const [entries, setEntries] = useState<TrainingEntry[]>(project.trainingPlan.entries);
  const [timeline, setTimeline] = useState<Array<{ title: string; date: string | null }>>(project.timeline);
  const [leadId, setLeadId] = useState<string | null>(project.projectLeadPersonId);
  const [itContactId, setItContactId] = useState<string | null>(project.itContactPersonId);
  const save = useMutation({
    mutationFn: () =>
      apiRequest<Project>('PATCH', `/projects/${project.id}`, {
        version: project.version,
        body: {
          projectLeadPersonId: leadId,
          itContactPersonId: itContactId,
          description: description.trim() || null,
          specification: specification.trim() || null,
          trainingPlan: {
            text: trainingText.trim() || null,
            entries: entries
              .filter((entry) => entry.description.trim())
              .map((entry) => ({ audience: entry.audience, description: entry.description.trim(), byDate: entry.byDate ?? null, ...(entry.personId ? { personId: entry.personId } : {}) })),
          },
          timeline: timeline.filter((milestone) => milestone.title.trim() && milestone.date).map((milestone) => ({ title: milestone.title.trim(), date: milestone.date! })),
        },
      }),
    onSuccess: (updated) => {
      store(updated);
      notifySuccess(t('project.documentsSaved'));
    },
    onError: (error) => handleWriteError(error, onStale),
  });
  const updateEntry = (index: number, change: Partial<TrainingEntry>) => setEntries((previous) => previous.map((entry, position) => (position === index ? { ...entry, ...change } : entry)));
  const updateMilestone = (index: number, change: Partial<{ title: string; date: string | null }>) =>
    setTimeline((previous) => previous.map((milestone, position) => (position === index ? { ...milestone, ...change } : milestone)));

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="lg">
        <Section id="documents" title={t('project.documents')}>
          <Stack>
            {editable && (
              <Group grow align="flex-start" wrap="wrap">
                <PersonPicker
                  label={t('project.lead')}
                  placeholder={project.projectLeadName ?? t('project.choosePerson')}
                  description={project.projectLeadName ? t('project.current', { name: project.projectLeadName }) : undefined}
                  value={leadId === project.projectLeadPersonId ? null : leadId}
                  onChange={(value) => setLeadId(value ?? project.projectLeadPersonId)}
                  clearable
                />
                <PersonPicker
                  label={t('project.itContact')}
                  placeholder={project.itContactName ?? t('project.choosePerson')}
                  description={project.itContactName ? t('project.current', { name: project.itContactName }) : undefined}
                  value={itContactId === project.itContactPersonId ? null : itContactId}
                  onChange={(value) => setItContactId(value ?? project.itContactPersonId)}
                  clearable
                />
              </Group>
            )}
            <Textarea label={t('project.description')} value={description} onChange={(event) => setDescription(event.currentTarget.value)} autosize minRows={3} readOnly={!editable} />
            <Textarea label={t('project.specification')} value={specification} onChange={(event) => setSpecification(event.currentTarget.value)} autosize minRows={3} readOnly={!editable} />
          </Stack>
        </Section>
        <Section id="training" title={t('project.trainingPlan')}>
          <Stack>
            <Textarea label={t('project.trainingText')} value={trainingText} onChange={(event) => setTrainingText(event.currentTarget.value)} autosize minRows={2} readOnly={!editable} />
            <Text size="sm" fw={600}>
              {t('project.trainingEntries')}
            </Text>
            {entries.map((entry, index) => (
              <Group key={index} align="flex-end" wrap="wrap" data-testid="training-entry">
                <NativeSelect
                  label={`${t('project.audienceLabel')} ${index + 1}`}
                  value={entry.audience}
                  disabled={!editable}
                  onChange={(event) => updateEntry(index, { audience: event.currentTarget.value as TrainingEntry['audience'] })}
                  data={trainingAudiences.filter((value) => value !== 'person').map((value) => ({ value, label: t(`audience.${value}`) }))}
                />
                <TextInput
                  style={{ flex: 1, minWidth: 220 }}
                  label={`${t('project.entryDescription')} ${index + 1}`}
                  value={entry.description}
                  readOnly={!editable}
                  onChange={(event) => updateEntry(index, { description: event.currentTarget.value })}
                />
                <DateField label={`${t('project.byDate')} ${index + 1}`} value={entry.byDate ?? null} readOnly={!editable} onChange={(byDate) => updateEntry(index, { byDate })} w={170} />
                {editable && (
                  <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('project.removeEntry', { number: index + 1 })} onClick={() => setEntries((previous) => previous.filter((_, position) => position !== index))}>
                    ✕
                  </ActionIcon>
                )}
              </Group>
            ))}
            {editable && (
              <Button variant="default" size="xs" style={{ alignSelf: 'flex-start' }} onClick={() => setEntries((previous) => [...previous, { audience: 'system_managers', description: '', byDate: null }])}>
                {t('project.addEntry')}
              </Button>
            )}
          </Stack>
        </Section>
        <Section id="timeline" title={t('project.timeline')}>
          <Stack>
            {timeline.map((milestone, index) => (
              <Group key={index} align="flex-end" wrap="wrap" data-testid="milestone">
                <TextInput
                  style={{ flex: 1, minWidth: 220 }}
                  label={`${t('project.milestoneTitle')} ${index + 1}`}
                  value={milestone.title}
                  readOnly={!editable}
                  onChange={(event) => updateMilestone(index, { title: event.currentTarget.value })}
                />
                <DateField label={`${t('project.milestoneDate')} ${index + 1}`} value={milestone.date} readOnly={!editable} onChange={(date) => updateMilestone(index, { date })} w={170} />
                {editable && (
                  <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('project.removeMilestone', { number: index + 1 })} onClick={() => setTimeline((previous) => previous.filter((_, position) => position !== index))}>
                    ✕
                  </ActionIcon>
                )}
              </Group>
            ))}
            {editable && (
              <Button variant="default" size="xs" style={{ alignSelf: 'flex-start' }} onClick={() => setTimeline((previous) => [...previous, { title: '', date: null }])}>
                {t('project.addMilestone')}
              </Button>
            )}
          </Stack>
        </Section>
        {editable && (
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('project.saveDocuments')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

/* ---------- Budget ---------- */

type Amounts = Record<string, { oneOff: number | null; yearly: number | null }>;

function BudgetSection({ project, onStale }: { project: Project; onStale: () => void }) {
  const { t, i18n } = useTranslation('lifecycle');
  const me = useCurrentUser();
  const editable = canEdit(project, me);
  const store = useSaveProject();
  const queryClient = useQueryClient();
  const budget = project.budget;
  const [categories, setCategories] = useState<Amounts>(() =>
    Object.fromEntries(budgetCategories.map((key) => [key, budget?.categories[key] ?? { oneOff: null, yearly: null }])),
  );
  const [shared, setShared] = useState<Amounts>(() => Object.fromEntries(sharedResources.map((key) => [key, budget?.sharedReinforcements[key] ?? { oneOff: null, yearly: null }])));
  const [note, setNote] = useState(budget?.note ?? '');
  const number = (value: number | null) => (value === null ? t('project.notStated') : formatNumber(value, i18n.language));
  const sum = (amounts: Amounts, period: 'oneOff' | 'yearly') => Object.values(amounts).reduce((total, amount) => total + (amount[period] ?? 0), 0);

  const save = useMutation({
    mutationFn: () =>
      apiRequest<Project>('PUT', `/projects/${project.id}/budget`, {
        version: project.version,
        body: { categories, sharedReinforcements: shared, note: note.trim() || null } as BudgetInput,
      }),
    onSuccess: async (updated) => {
      store(updated);
      await queryClient.invalidateQueries({ queryKey: ['projects', 'detail', project.id] });
      notifySuccess(t('project.budgetSaved', { revision: updated.budget?.revision ?? 1 }));
    },
    onError: (error) => handleWriteError(error, onStale),
  });

  const amountCell = (group: 'categories' | 'shared', key: string, period: 'oneOff' | 'yearly', label: string) => {
    const amounts = group === 'categories' ? categories : shared;
    const setter = group === 'categories' ? setCategories : setShared;
    const value = amounts[key]![period];
    if (!editable) {
      return (
        <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }} c={value === null ? '#9a3f00' : undefined}>
          {number(value)}
        </Table.Td>
      );
    }
    return (
      <Table.Td>
        <NumberInput
          aria-label={`${label}, ${t(`project.${period}`)}`}
          value={value ?? ''}
          placeholder={t('project.notStated')}
          min={0}
          thousandSeparator=" "
          decimalScale={0}
          hideControls
          size="xs"
          styles={{ input: { textAlign: 'right' } }}
          onChange={(next) => setter((previous) => ({ ...previous, [key]: { ...previous[key]!, [period]: next === '' ? null : Number(next) } }))}
        />
      </Table.Td>
    );
  };

  const chartData = budgetCategories.map((key) => ({ category: t(`category.${key}`), oneOff: categories[key]!.oneOff ?? 0, yearly: categories[key]!.yearly ?? 0 }));

  return (
    <Section id="budget" title={t('project.budget')}>
      <Stack>
        <Text size="sm" c="gray.7">
          {t('project.budgetHint')}
        </Text>
        {budget ? (
          <Text size="sm">
            {t('project.budgetRevision', { revision: budget.revision, at: formatDateTime(budget.recordedAt), name: budget.recordedByName })}{' '}
            {budget.missing.length > 0 && (
              <Badge color="#9a3f00" variant="filled" tt="none">
                {t('project.budgetMissing', { count: budget.missing.length })}
              </Badge>
            )}
          </Text>
        ) : (
          <Text size="sm">{t('project.noBudget')}</Text>
        )}
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <Table.ScrollContainer minWidth={520}>
            <Table data-testid="budget-table" verticalSpacing={4}>
              <caption style={{ textAlign: 'left', fontWeight: 600, paddingBottom: 4 }}>{t('project.budget')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('project.budgetCategory')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('project.oneOff')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('project.yearly')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {budgetCategories.map((key) => (
                  <Table.Tr key={key}>
                    <Table.Th scope="row" fw={400}>
                      {t(`category.${key}`)}
                    </Table.Th>
                    {amountCell('categories', key, 'oneOff', t(`category.${key}`))}
                    {amountCell('categories', key, 'yearly', t(`category.${key}`))}
                  </Table.Tr>
                ))}
                <Table.Tr>
                  <Table.Th scope="row">{t('project.totalCategories')}</Table.Th>
                  <Table.Td ta="right" fw={700} data-testid="budget-total-categories-oneoff">
                    {formatNumber(sum(categories, 'oneOff'), i18n.language)}
                  </Table.Td>
                  <Table.Td ta="right" fw={700}>
                    {formatNumber(sum(categories, 'yearly'), i18n.language)}
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="colgroup" colSpan={3}>
                    {t('project.sharedReinforcements')}
                  </Table.Th>
                </Table.Tr>
                {sharedResources.map((key) => (
                  <Table.Tr key={`shared-${key}`}>
                    <Table.Th scope="row" fw={400}>
                      {t(`shared.${key}`)}
                    </Table.Th>
                    {amountCell('shared', key, 'oneOff', `${t('project.sharedReinforcements')}: ${t(`shared.${key}`)}`)}
                    {amountCell('shared', key, 'yearly', `${t('project.sharedReinforcements')}: ${t(`shared.${key}`)}`)}
                  </Table.Tr>
                ))}
                <Table.Tr>
                  <Table.Th scope="row">{t('project.totalShared')}</Table.Th>
                  <Table.Td ta="right" fw={700}>
                    {formatNumber(sum(shared, 'oneOff'), i18n.language)}
                  </Table.Td>
                  <Table.Td ta="right" fw={700}>
                    {formatNumber(sum(shared, 'yearly'), i18n.language)}
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row">{t('project.totalProject')}</Table.Th>
                  <Table.Td ta="right" fw={700} data-testid="budget-total-oneoff">
                    {formatNumber(sum(categories, 'oneOff') + sum(shared, 'oneOff'), i18n.language)} kr
                  </Table.Td>
                  <Table.Td ta="right" fw={700} data-testid="budget-total-yearly">
                    {formatNumber(sum(categories, 'yearly') + sum(shared, 'yearly'), i18n.language)} kr
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {editable && (
            <Stack mt="sm" align="flex-start">
              <Textarea label={t('project.budgetNote')} value={note} onChange={(event) => setNote(event.currentTarget.value)} autosize minRows={1} w="100%" />
              <Button type="submit" loading={save.isPending}>
                {t('project.saveBudget')}
              </Button>
            </Stack>
          )}
        </form>
        <Suspense fallback={<LoadingState />}>
          <BudgetChart data={chartData} title={t('project.budgetChart')} oneOffLabel={t('project.oneOff')} yearlyLabel={t('project.yearly')} />
        </Suspense>
      </Stack>
    </Section>
  );
}

/* ---------- Compliance analysis ---------- */

function ComplianceSection({ project, onStale }: { project: Project; onStale: () => void }) {
  const { t, i18n } = useTranslation('lifecycle');
  const me = useCurrentUser();
  const editable = canEdit(project, me);
  const store = useSaveProject();
  const analysis = project.complianceAnalysis;
  const [items, setItems] = useState(() => analysis.items.map((item) => ({ key: item.key, judgement: item.judgement, motivation: item.motivation ?? '' })));
  const save = useMutation({
    mutationFn: () =>
      apiRequest<Project>('PUT', `/projects/${project.id}/compliance-analysis`, {
        version: project.version,
        body: { items: items.map((item) => ({ key: item.key, judgement: item.judgement, motivation: item.motivation.trim() || null })) },
      }),
    onSuccess: (updated) => {
      store(updated);
      notifySuccess(t('project.complianceSaved'));
    },
    onError: (error) => handleWriteError(error, onStale),
  });
  const judged = items.filter((item) => item.judgement !== null).length;
  return (
    <Section id="compliance-analysis" title={t('project.compliance')}>
      <Stack>
        <Text size="sm" c="gray.7">
          {t('project.complianceHint')}
        </Text>
        <Text size="sm" aria-live="polite">
          {analysis.finished ? t('project.complianceFinished') : t('project.complianceProgress', { judged, total: items.length })}
        </Text>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing={4} data-testid="compliance-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('project.requirement')}</Table.Th>
                  <Table.Th scope="col" w={200}>
                    {t('project.decision')}
                  </Table.Th>
                  <Table.Th scope="col">{t('project.motivationLabel', { reference: '' }).trim()}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {analysis.items.map((item, index) => {
                  const current = items[index]!;
                  const title = i18n.language === 'en' ? item.titleEn : item.titleSv;
                  return (
                    <Table.Tr key={item.key} data-testid="compliance-item">
                      <Table.Th scope="row" fw={400}>
                        <Code>{item.source === 'policy' ? item.reference : `${t('project.guidelines')} ${item.reference}`}</Code>
                        <Text size="sm">{title}</Text>
                      </Table.Th>
                      <Table.Td>
                        <NativeSelect
                          size="xs"
                          aria-label={t('project.judgementLabel', { reference: item.reference })}
                          value={current.judgement ?? ''}
                          disabled={!editable}
                          onChange={(event) => {
                            const value = event.currentTarget.value;
                            setItems((previous) => previous.map((entry, position) => (position === index ? { ...entry, judgement: value === '' ? null : (value as (typeof judgements)[number]) } : entry)));
                          }}
                          data={[{ value: '', label: t('project.notJudged') }, ...judgements.map((value) => ({ value, label: t(`judgement.${value}`) }))]}
                        />
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          size="xs"
                          aria-label={t('project.motivationLabel', { reference: item.reference })}
                          value={current.motivation}
                          readOnly={!editable}
                          onChange={(event) => {
                            const value = event.currentTarget.value;
                            setItems((previous) => previous.map((entry, position) => (position === index ? { ...entry, motivation: value } : entry)));
                          }}
                        />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {editable && (
            <Button type="submit" mt="sm" loading={save.isPending}>
              {t('project.saveCompliance')}
            </Button>
          )}
        </form>
      </Stack>
    </Section>
  );
}

/* ---------- Checkpoints ---------- */

function CheckpointsSection({ project }: { project: Project }) {
  const { t } = useTranslation('lifecycle');
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const canAdd = hasPermission(me, 'project.update') || project.projectLeadPersonId === me.personId;
  const [heldOn, setHeldOn] = useState<string | null>(null);
  const [participants, setParticipants] = useState('');
  const [notes, setNotes] = useState('');
  const add = useMutation({
    mutationFn: () =>
      api.post(`/projects/${project.id}/checkpoints`, {
        heldOn,
        participants: participants
          .split('\n')
          .map((name) => name.trim())
          .filter(Boolean),
        notes: notes.trim() || null,
      }),
    onSuccess: async () => {
      setHeldOn(null);
      setParticipants('');
      setNotes('');
      await queryClient.invalidateQueries({ queryKey: ['projects', 'detail', project.id] });
      notifySuccess(t('project.checkpointSaved'));
    },
    onError: notifyError,
  });
  return (
    <Section id="checkpoints" title={t('project.checkpoints')}>
      <Stack>
        {project.checkpoints.length === 0 ? (
          <Text size="sm">{t('project.noCheckpoints')}</Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('project.heldOn')}</Table.Th>
                <Table.Th scope="col">{t('project.participants')}</Table.Th>
                <Table.Th scope="col">{t('project.notes')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {project.checkpoints.map((checkpoint) => (
                <Table.Tr key={checkpoint.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(checkpoint.heldOn)}</Table.Td>
                  <Table.Td>{checkpoint.participants.join(', ')}</Table.Td>
                  <Table.Td>{checkpoint.notes ?? '–'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {canAdd && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              add.mutate();
            }}
          >
            <Group align="flex-end" wrap="wrap">
              <DateField label={t('project.heldOn')} value={heldOn} onChange={setHeldOn} w={170} />
              <Textarea label={t('project.participants')} description={t('project.participantsHint')} value={participants} onChange={(event) => setParticipants(event.currentTarget.value)} autosize minRows={1} w={260} />
              <Textarea label={t('project.notes')} value={notes} onChange={(event) => setNotes(event.currentTarget.value)} autosize minRows={1} style={{ flex: 1, minWidth: 220 }} />
              <Button type="submit" variant="default" loading={add.isPending} disabled={!heldOn || !participants.trim()}>
                {t('project.addCheckpoint')}
              </Button>
            </Group>
          </form>
        )}
      </Stack>
    </Section>
  );
}

