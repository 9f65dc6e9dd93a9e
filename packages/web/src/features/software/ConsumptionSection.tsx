import type { ConsumptionKind, ConsumptionRecord } from '@forvalta/contracts';
import { Button, Modal, NumberInput, Select, SimpleGrid, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.tsx';
import { fieldErrorsOf, notifyError, notifySuccess } from '../../components/error-messages.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { useSectionList } from '../../components/list-address.ts';
import { type Column, QueryTable } from '../../components/QueryTable.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';
import { formatDate, formatNumber, todayInStockholm } from '../../i18n/format.ts';
import { consumptionKindValues } from './software-values.ts';
import { consumptionListQuery, softwareOptionsQuery, useDeleteConsumption, useRecordConsumption } from './software.queries.ts';

const routeApi = getRouteApi('/authenticated/content/licences');
type Row = ConsumptionRecord & { can: { delete: boolean } };

/** The consumption counts (installations, assignments, cores): recorded here, per asset or imported from an inventory. */
export function ConsumptionSection({ softwareId, canManage }: { softwareId: string | undefined; canManage: boolean }) {
  const { t, i18n } = useTranslation('software');
  const list = useSectionList('consumption', routeApi.useSearch(), routeApi.useNavigate(), { pageSize: 10 });
  const consumption = useQuery(consumptionListQuery({ softwareId, cursor: list.paging.cursor, limit: list.paging.pageSize }));
  const products = useQuery(softwareOptionsQuery());
  const productName = new Map((products.data?.items ?? []).map((software) => [software.id, software.product]));
  const [recording, setRecording] = useState(false);
  const remove = useDeleteConsumption();
  const columns: Column<Row>[] = [
    {
      key: 'product',
      header: t('software.product'),
      rowHeader: true,
      cell: (row) => productName.get(row.softwareId) ?? '–',
    },
    { key: 'kind', header: t('position.kind'), cell: (row) => t(`kind.${row.kind}`) },
    { key: 'count', header: t('consumption.count'), align: 'right', cell: (row) => formatNumber(row.count, i18n.language) },
    {
      key: 'source',
      header: t('consumption.source'),
      cell: (row) => (row.inventory ? `${t(`source.${row.source}`)}: ${row.inventory}` : t(`source.${row.source}`)),
    },
    { key: 'countedOn', header: t('consumption.countedOn'), nowrap: true, cell: (row) => formatDate(row.countedOn) },
  ];
  return (
    <SectionCard
      id="consumption"
      title={t('consumption.title')}
      actions={
        canManage && (
          <Button size="sm" onClick={() => setRecording(true)}>
            {t('consumption.record')}
          </Button>
        )
      }
    >
      <QueryTable
        query={consumption}
        caption={t('consumption.title')}
        columns={columns}
        rowKey={(row) => row.id}
        rowTestId="consumption-row"
        rowActions={(row) =>
          row.can.delete
            ? [
                {
                  label: t('translation:common.delete'),
                  danger: true,
                  onClick: () => remove.mutate(row, { onSuccess: () => notifySuccess(t('consumption.deleted')), onError: notifyError }),
                },
              ]
            : []
        }
        rowActionsLabel={(row) => t('consumption.actionsFor', { name: productName.get(row.softwareId) ?? '' })}
        paging={list.paging}
        pageSizes={[10, 25, 50]}
        framed={false}
        minWidth={640}
        empty={<ListEmptyState title={t('consumption.empty')} />}
      />
      {recording && <ConsumptionFormModal presetSoftwareId={softwareId} onClose={() => setRecording(false)} />}
    </SectionCard>
  );
}

interface ConsumptionValues {
  softwareId: string | null;
  kind: ConsumptionKind;
  count: number | string;
  countedOn: string | null;
}

/** Records a count by hand (a manual inventory); the position and ITP-7-LICENCE follow at once. */
function ConsumptionFormModal({ presetSoftwareId, onClose }: { presetSoftwareId: string | undefined; onClose: () => void }) {
  const { t } = useTranslation('software');
  const required = t('translation:common.required');
  const products = useQuery(softwareOptionsQuery());
  const record = useRecordConsumption();
  const form = useForm<ConsumptionValues>({
    mode: 'controlled',
    initialValues: { softwareId: presetSoftwareId ?? null, kind: 'installation', count: '', countedOn: todayInStockholm() },
    validate: {
      softwareId: (value) => (value ? null : required),
      count: (value) => (value === '' ? required : Number(value) < 0 ? t('licence.quantityNegative') : null),
    },
  });
  const submit = form.onSubmit((values) =>
    record.mutate(
      {
        softwareId: values.softwareId ?? '',
        kind: values.kind,
        count: Number(values.count),
        source: 'manual',
        ...(values.countedOn ? { countedOn: values.countedOn } : {}),
      },
      {
        onSuccess: () => {
          notifySuccess(t('consumption.recorded'));
          onClose();
        },
        onError: (error) => {
          form.setErrors(fieldErrorsOf(error));
          notifyError(error);
        },
      },
    ),
  );
  return (
    <Modal opened onClose={onClose} size="lg" title={t('consumption.recordTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Select
            label={t('software.product')}
            required
            searchable
            data={(products.data?.items ?? []).map((software) => ({ value: software.id, label: software.product }))}
            comboboxProps={{ withinPortal: true }}
            data-autofocus
            {...form.getInputProps('softwareId')}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('position.kind')}
              allowDeselect={false}
              data={consumptionKindValues.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('kind')}
            />
            <NumberInput label={t('consumption.count')} required min={0} allowDecimal={false} {...form.getInputProps('count')} />
            <DateField label={t('consumption.countedOn')} clearable={false} {...form.getInputProps('countedOn')} />
          </SimpleGrid>
          <FormActions onCancel={onClose} submitLabel={t('consumption.record')} loading={record.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
