import type { Integration, IntegrationCreate, System } from '@forvalta/contracts';
import { Button, Modal, Select, Skeleton, Stack, Text, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { notifyError, notifySuccess } from '../../components/error-messages.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { useSectionList } from '../../components/list-address.ts';
import { type Column, QueryTable } from '../../components/QueryTable.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';
import { integrationFlowValues, integrationFrequencyValues, integrationMethodValues } from './system-values.ts';
import { integrationListQuery, systemGraphQuery, systemPickerQuery, useRemoveIntegration, useSaveIntegration } from './systems.queries.ts';

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
  const systems = useQuery(systemPickerQuery(debounced));
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
  const [other, setOther] = useState<string | null>(null);
  const [otherError, setOtherError] = useState<string | null>(null);
  const [direction, setDirection] = useState<'provides' | 'consumes'>('provides');
  const [flow, setFlow] = useState<string>(integration?.flow ?? 'data');
  const [method, setMethod] = useState<string>(integration?.method ?? 'api');
  const [frequency, setFrequency] = useState<string>(integration?.frequency ?? 'daily');
  const [description, setDescription] = useState(integration?.description ?? '');
  const save = useSaveIntegration({
    onSuccess: () => {
      notifySuccess(t(integration ? 'integrations.updated' : 'integrations.created'));
      onClose();
    },
    onError: notifyError,
  });
  const submit = () => {
    const common = { flow, method, frequency, description: description.trim() || null } as Pick<
      IntegrationCreate,
      'flow' | 'method' | 'frequency' | 'description'
    >;
    if (integration) return save.mutate({ integration, body: common });
    save.mutate({
      integration: null,
      body: {
        ...common,
        providerSystemId: direction === 'provides' ? system.id : other!,
        consumerSystemId: direction === 'provides' ? other! : system.id,
      },
    });
  };
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
          submit();
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

const routeApi = getRouteApi('/authenticated/content/systems/$systemId');

/** Angränsande system: the graph of neighbours and the same integrations as a table (ITP-4.2-REVIEW). */
export function IntegrationsSection({ system }: { system: System }) {
  const { t } = useTranslation();
  const canWrite = system.can.writeIntegrations;
  // The table's page is in the address under `integrations.`, beside the page's other lists.
  const list = useSectionList('integrations', routeApi.useSearch(), routeApi.useNavigate(), { pageSize: 25 });
  const [editing, setEditing] = useState<{ integration: Integration | null } | null>(null);
  const [removing, setRemoving] = useState<Integration | null>(null);
  const graph = useQuery(systemGraphQuery(system.id));
  const integrations = useQuery(integrationListQuery({ systemId: system.id, cursor: list.paging.cursor, limit: list.paging.pageSize }));
  const remove = useRemoveIntegration({
    onSuccess: () => {
      notifySuccess(t('integrations.removed'));
      setRemoving(null);
    },
    onError: notifyError,
  });
  const otherOf = (integration: Integration) =>
    integration.providerSystemId === system.id
      ? { id: integration.consumerSystemId, name: integration.consumerSystemName, direction: t('integrations.to') }
      : { id: integration.providerSystemId, name: integration.providerSystemName, direction: t('integrations.from') };
  const columns: Column<Integration>[] = [
    { key: 'direction', header: t('integrations.direction'), nowrap: true, cell: (integration) => otherOf(integration).direction },
    {
      key: 'other',
      header: t('integrations.otherSystem'),
      cell: (integration) => {
        const other = otherOf(integration);
        return (
          <AnchorLink to="/systems/$systemId" params={{ systemId: other.id }} size="sm">
            {other.name}
          </AnchorLink>
        );
      },
    },
    { key: 'flow', header: t('integrations.flow'), cell: (integration) => t(`labels.flow.${integration.flow}`) },
    { key: 'method', header: t('integrations.method'), cell: (integration) => t(`labels.method.${integration.method}`) },
    { key: 'frequency', header: t('integrations.frequency'), cell: (integration) => t(`labels.frequency.${integration.frequency}`) },
    {
      key: 'description',
      header: t('integrations.description'),
      cell: (integration) => <span className="wrap-anywhere">{integration.description ?? ''}</span>,
    },
  ];

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
        <QueryTable
          query={integrations}
          caption={t('integrations.tableCaption', { name: system.name })}
          columns={columns}
          rowKey={(integration) => integration.id}
          rowTestId="integration-row"
          paging={list.paging}
          pageSizes={[10, 25, 50]}
          minWidth={760}
          framed={false}
          empty={<Text size="sm">{t('integrations.none')}</Text>}
          {...(canWrite
            ? {
                rowActionsLabel: (integration: Integration) => t('integrations.actionsFor', { name: otherOf(integration).name }),
                rowActions: (integration: Integration) => [
                  { label: t('common.edit'), onClick: () => setEditing({ integration }) },
                  { label: t('common.delete'), danger: true, onClick: () => setRemoving(integration) },
                ],
              }
            : {})}
        />
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
