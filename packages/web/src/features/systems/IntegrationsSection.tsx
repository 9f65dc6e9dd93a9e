import type { Integration, IntegrationCreate, System, SystemGraph, SystemSummary } from '@forvalta/contracts';
import { FormActions } from '../../components/FormActions.tsx';
import { Button, Group, Modal, Select, Skeleton, Stack, Table, Text, Textarea, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { legacyApi } from '../../api/client.ts';
import { useCurrentUser } from '../../app/session.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { notifyError, notifySuccess } from '../../components/error-messages.ts';
import { LoadingState } from '../../components/LoadingState.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';
import { canOnSystem, integrationFlowValues, integrationFrequencyValues, integrationMethodValues } from './system-api.ts';

// React Flow is large; it loads only when a system page is opened, never with the first page.
const IntegrationGraph = lazy(() => import('./IntegrationGraph.tsx').then((module) => ({ default: module.IntegrationGraph })));

function SystemPicker({
  excludeId,
  value,
  onChange,
  error,
}: {
  excludeId: string;
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string | null;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const systems = useQuery({
    queryKey: ['systems', 'picker', debounced],
    queryFn: ({ signal }) => legacyApi.list<SystemSummary>('/systems', { q: debounced, limit: 20, sort: 'name' }, signal),
    placeholderData: keepPreviousData,
  });
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const found = (systems.data?.items ?? [])
    .filter((system) => system.id !== excludeId)
    .map((system) => ({ value: system.id, label: system.name }));
  const options = chosen && !found.some((option) => option.value === chosen.value) ? [chosen, ...found] : found;
  return (
    <Select
      label={t('integrations.otherSystem')}
      required
      searchable
      data={options}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      value={value}
      error={error}
      nothingFoundMessage={systems.isFetching ? t('app.loading') : t('integrations.nothingFound')}
      onChange={(next) => {
        setChosen(options.find((option) => option.value === next) ?? null);
        onChange(next);
      }}
    />
  );
}

function IntegrationModal({ system, integration, onClose }: { system: System; integration: Integration | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [other, setOther] = useState<string | null>(null);
  const [otherError, setOtherError] = useState<string | null>(null);
  const [direction, setDirection] = useState<'provides' | 'consumes'>('provides');
  const [flow, setFlow] = useState<string>(integration?.flow ?? 'data');
  const [method, setMethod] = useState<string>(integration?.method ?? 'api');
  const [frequency, setFrequency] = useState<string>(integration?.frequency ?? 'daily');
  const [description, setDescription] = useState(integration?.description ?? '');
  const save = useMutation({
    mutationFn: () => {
      const common = { flow, method, frequency, description: description.trim() || null } as Pick<
        IntegrationCreate,
        'flow' | 'method' | 'frequency' | 'description'
      >;
      if (integration) return legacyApi.patch<Integration>(`/integrations/${integration.id}`, integration.version, common);
      const body: IntegrationCreate = {
        ...common,
        providerSystemId: direction === 'provides' ? system.id : other!,
        consumerSystemId: direction === 'provides' ? other! : system.id,
      };
      return legacyApi.post<Integration>('/integrations', body);
    },
    onSuccess: () => {
      notifySuccess(t(integration ? 'integrations.updated' : 'integrations.created'));
      void queryClient.invalidateQueries({ queryKey: ['integrations'] });
      void queryClient.invalidateQueries({ queryKey: ['graph'] });
      onClose();
    },
    onError: notifyError,
  });
  const select = (label: string, value: string, set: (value: string) => void, values: readonly string[], prefix: string) => (
    <Select
      label={label}
      allowDeselect={false}
      value={value}
      onChange={(next) => next && set(next)}
      data={values.map((entry) => ({ value: entry, label: t(`${prefix}.${entry}`) }))}
    />
  );
  return (
    <Modal
      opened
      onClose={onClose}
      title={integration ? t('integrations.editTitle') : t('integrations.createTitle', { name: system.name })}
      size="lg"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!integration && !other) return setOtherError(t('common.required'));
          save.mutate();
        }}
        noValidate
      >
        <Stack gap="md">
          {integration ? (
            <Text size="sm">
              {integration.providerSystemName} → {integration.consumerSystemName}
            </Text>
          ) : (
            <>
              <Select
                label={t('integrations.direction')}
                allowDeselect={false}
                value={direction}
                onChange={(value) => value && setDirection(value as 'provides' | 'consumes')}
                data={[
                  { value: 'provides', label: t('integrations.provides', { name: system.name }) },
                  { value: 'consumes', label: t('integrations.consumes', { name: system.name }) },
                ]}
              />
              <SystemPicker
                excludeId={system.id}
                value={other}
                onChange={(value) => {
                  setOther(value);
                  setOtherError(null);
                }}
                error={otherError}
              />
            </>
          )}
          {select(t('integrations.flow'), flow, setFlow, integrationFlowValues, 'labels.flow')}
          {select(t('integrations.method'), method, setMethod, integrationMethodValues, 'labels.method')}
          {select(t('integrations.frequency'), frequency, setFrequency, integrationFrequencyValues, 'labels.frequency')}
          <Textarea
            label={t('integrations.description')}
            description={t('common.optional')}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
          />
          <FormActions onCancel={onClose} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Angränsande system: the graph of neighbours and the same integrations as a table (ITP-4.2-REVIEW). */
export function IntegrationsSection({ system }: { system: System }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const canWrite = canOnSystem(me, system, 'integration.write');
  const [editing, setEditing] = useState<{ integration: Integration | null } | null>(null);
  const [removing, setRemoving] = useState<Integration | null>(null);
  const graph = useQuery({
    queryKey: ['graph', system.id],
    queryFn: ({ signal }) => legacyApi.get<SystemGraph>(`/systems/${system.id}/graph`, undefined, signal),
  });
  const integrations = useQuery({
    queryKey: ['integrations', system.id],
    queryFn: ({ signal }) => legacyApi.list<Integration>('/integrations', { systemId: system.id, limit: 200 }, signal),
  });
  const remove = useMutation({
    mutationFn: (integration: Integration) => legacyApi.delete(`/integrations/${integration.id}`, integration.version),
    onSuccess: () => {
      notifySuccess(t('integrations.removed'));
      setRemoving(null);
      void queryClient.invalidateQueries({ queryKey: ['integrations'] });
      void queryClient.invalidateQueries({ queryKey: ['graph'] });
    },
    onError: notifyError,
  });
  const otherOf = (integration: Integration) =>
    integration.providerSystemId === system.id
      ? { id: integration.consumerSystemId, name: integration.consumerSystemName, direction: t('integrations.to') }
      : { id: integration.providerSystemId, name: integration.providerSystemName, direction: t('integrations.from') };

  return (
    <SectionCard
      id="integrations"
      title={t('system.integrations')}
      actions={
        canWrite && (
          <Button size="xs" onClick={() => setEditing({ integration: null })}>
            {t('integrations.add')}
          </Button>
        )
      }
    >
      <Stack gap="md">
        {graph.error ? (
          <ErrorState error={graph.error} onRetry={() => void graph.refetch()} />
        ) : !graph.data ? (
          <Skeleton height={420} />
        ) : graph.data.edges.length === 0 ? null : (
          <figure style={{ margin: 0 }}>
            <Suspense fallback={<Skeleton height={420} />}>
              <IntegrationGraph graph={graph.data} />
            </Suspense>
            <Text component="figcaption" size="xs" c="gray.7" mt={4}>
              {t('integrations.graphCaption')}
            </Text>
          </figure>
        )}
        {integrations.isLoading ? (
          <LoadingState />
        ) : integrations.error ? (
          <ErrorState error={integrations.error} onRetry={() => void integrations.refetch()} />
        ) : integrations.data?.items.length === 0 ? (
          <Text size="sm">{t('integrations.none')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="xs">
              <VisuallyHidden component="caption">{t('integrations.tableCaption', { name: system.name })}</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('integrations.direction')}</Table.Th>
                  <Table.Th scope="col">{t('integrations.otherSystem')}</Table.Th>
                  <Table.Th scope="col">{t('integrations.flow')}</Table.Th>
                  <Table.Th scope="col">{t('integrations.method')}</Table.Th>
                  <Table.Th scope="col">{t('integrations.frequency')}</Table.Th>
                  <Table.Th scope="col">{t('integrations.description')}</Table.Th>
                  {canWrite && (
                    <Table.Th scope="col" ta="right">
                      {t('common.actions')}
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {integrations.data?.items.map((integration) => {
                  const other = otherOf(integration);
                  return (
                    <Table.Tr key={integration.id} data-testid="integration-row">
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{other.direction}</Table.Td>
                      <Table.Td>
                        <AnchorLink to="/systems/$systemId" params={{ systemId: other.id }} size="sm">
                          {other.name}
                        </AnchorLink>
                      </Table.Td>
                      <Table.Td>{t(`labels.flow.${integration.flow}`)}</Table.Td>
                      <Table.Td>{t(`labels.method.${integration.method}`)}</Table.Td>
                      <Table.Td>{t(`labels.frequency.${integration.frequency}`)}</Table.Td>
                      <Table.Td className="wrap-anywhere">{integration.description ?? ''}</Table.Td>
                      {canWrite && (
                        <Table.Td>
                          <Group gap={4} justify="flex-end" wrap="nowrap">
                            <Button
                              size="xs"
                              variant="default"
                              onClick={() => setEditing({ integration })}
                              aria-label={t('integrations.editLabel', { name: other.name })}
                            >
                              {t('common.edit')}
                            </Button>
                            <Button
                              size="xs"
                              variant="default"
                              c="red.9"
                              onClick={() => setRemoving(integration)}
                              aria-label={t('integrations.removeLabel', { name: other.name })}
                            >
                              {t('common.delete')}
                            </Button>
                          </Group>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      {editing && <IntegrationModal system={system} integration={editing.integration} onClose={() => setEditing(null)} />}
      <ConfirmDialog
        opened={removing !== null}
        title={t('integrations.removeTitle')}
        text={
          removing ? t('integrations.removeText', { provider: removing.providerSystemName, consumer: removing.consumerSystemName }) : ''
        }
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        onConfirm={() => removing && remove.mutate(removing)}
        onClose={() => setRemoving(null)}
      />
    </SectionCard>
  );
}
