import type { Licence } from '@forvalta/contracts';
import { Button, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { notifyError, notifySuccess } from '../../components/error-messages.ts';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { useSectionList } from '../../components/list-address.ts';
import { type Column, QueryTable } from '../../components/QueryTable.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { LicenceFormModal } from './LicenceFormModal.tsx';
import { licenceListQuery, useDeleteLicence } from './software.queries.ts';

const routeApi = getRouteApi('/authenticated/content/licences');

/** The licences (entitlements as counts, never a row per seat), with their terms and contract. */
export function LicencesSection({ softwareId, canManage }: { softwareId: string | undefined; canManage: boolean }) {
  const { t, i18n } = useTranslation('software');
  const list = useSectionList('licences', routeApi.useSearch(), routeApi.useNavigate(), { pageSize: 10 });
  const licences = useQuery(
    licenceListQuery({ softwareId, sort: 'softwareProduct', cursor: list.paging.cursor, limit: list.paging.pageSize }),
  );
  const [editing, setEditing] = useState<Licence | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Licence | null>(null);
  const remove = useDeleteLicence();
  const columns: Column<Licence>[] = [
    {
      key: 'product',
      header: t('software.product'),
      rowHeader: true,
      minWidth: 180,
      cell: (licence) => (
        <AnchorLink to="/software/$softwareId" params={{ softwareId: licence.softwareId }} size="sm" fw={600}>
          {licence.softwareProduct}
        </AnchorLink>
      ),
    },
    { key: 'metric', header: t('licence.metric'), cell: (licence) => t(`metric.${licence.metric}`) },
    {
      key: 'quantity',
      header: t('licence.quantity'),
      align: 'right',
      nowrap: true,
      cell: (licence) => (licence.quantity === null ? t('position.noLimit') : formatNumber(licence.quantity, i18n.language)),
    },
    {
      key: 'valid',
      header: t('licence.valid'),
      nowrap: true,
      cell: (licence) => (
        <>
          <Text size="sm">
            {licence.validFrom === null && licence.validUntil === null
              ? t('licence.always')
              : `${licence.validFrom ? formatDate(licence.validFrom) : ''} – ${licence.validUntil ? formatDate(licence.validUntil) : t('licence.noEnd')}`}
          </Text>
          {!licence.current && (
            <Text size="xs" fw={700} c="red.9">
              {t('licence.notCurrent')}
            </Text>
          )}
        </>
      ),
    },
    {
      key: 'contract',
      header: t('licence.contract'),
      cell: (licence) =>
        licence.contractId ? (
          <AnchorLink to="/contracts/$contractId" params={{ contractId: licence.contractId }} size="sm">
            {licence.contractTitle}
          </AnchorLink>
        ) : (
          '–'
        ),
    },
  ];
  return (
    <SectionCard
      id="licences"
      title={t('licence.title')}
      actions={
        canManage && (
          <Button size="sm" onClick={() => setEditing('new')}>
            {t('licence.create')}
          </Button>
        )
      }
    >
      <QueryTable
        query={licences}
        caption={t('licence.title')}
        columns={columns}
        rowKey={(licence) => licence.id}
        rowTestId="licence-row"
        rowActions={(licence) => [
          ...(licence.can.update ? [{ label: t('licence.edit'), onClick: () => setEditing(licence) }] : []),
          ...(licence.can.delete ? [{ label: t('translation:common.delete'), onClick: () => setDeleting(licence), danger: true }] : []),
        ]}
        rowActionsLabel={(licence) => t('licence.actionsFor', { name: licence.softwareProduct })}
        paging={list.paging}
        pageSizes={[10, 25, 50]}
        framed={false}
        minWidth={760}
        empty={<ListEmptyState title={t('licence.empty')} />}
      />
      {editing && (
        <LicenceFormModal licence={editing === 'new' ? null : editing} presetSoftwareId={softwareId} onClose={() => setEditing(null)} />
      )}
      <ConfirmDialog
        opened={deleting !== null}
        title={t('licence.deleteTitle', { name: deleting?.softwareProduct ?? '' })}
        text={t('licence.deleteText')}
        confirmLabel={t('translation:common.delete')}
        loading={remove.isPending}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting, {
            onSuccess: () => {
              notifySuccess(t('licence.deleted'));
              setDeleting(null);
            },
            onError: notifyError,
          })
        }
        onClose={() => setDeleting(null)}
      />
    </SectionCard>
  );
}
