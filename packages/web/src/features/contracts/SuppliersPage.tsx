import type { Supplier, SupplierCreate } from '@forvalta/contracts';
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { notifyError, notifySuccess } from '../../components/error-messages.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { useAddressList } from '../../components/list-address.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { type Column, QueryTable } from '../../components/QueryTable.tsx';
import { useVersionedSave } from '../../components/VersionedForm.tsx';
import { loadSupplier, saveSupplier, supplierListQueryOptions, supplierSavedInvalidates, useDeleteSupplier } from './contracts.queries.ts';

const routeApi = getRouteApi('/authenticated/content/suppliers');

/** The suppliers contracts are signed with, each with its organisation number. */
export function SuppliersPage() {
  const { t } = useTranslation('software');
  const list = useAddressList(routeApi.useSearch(), routeApi.useNavigate(), { pageSize: 25, defaultSort: 'name' });
  const suppliers = useQuery(
    supplierListQueryOptions({ q: list.filters.q, sort: list.sort.value, cursor: list.paging.cursor, limit: list.paging.pageSize }),
  );
  const canManage = useCan('contract.manage');
  const [editing, setEditing] = useState<Supplier | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Supplier | null>(null);
  const remove = useDeleteSupplier();
  const columns: Column<Supplier>[] = [
    { key: 'name', header: t('supplier.name'), sortField: 'name', rowHeader: true, minWidth: 200, cell: (supplier) => supplier.name },
    { key: 'number', header: t('supplier.organisationNumber'), nowrap: true, cell: (supplier) => supplier.organisationNumber },
    { key: 'contact', header: t('supplier.contact'), cell: (supplier) => supplier.contact ?? '–' },
    {
      key: 'contracts',
      header: t('supplier.contracts'),
      cell: (supplier) =>
        supplier.contractCount > 0 ? (
          <AnchorLink to="/contracts" search={{ supplierId: supplier.id }} size="sm">
            {t('supplier.contractCount', { count: supplier.contractCount })}
          </AnchorLink>
        ) : (
          t('supplier.contractCount', { count: 0 })
        ),
    },
  ];
  return (
    <>
      <AnchorLink to="/contracts" size="sm">
        <span aria-hidden="true">← </span>
        {t('contract.back')}
      </AnchorLink>
      <PageHeader
        title={t('suppliers.title')}
        intro={t('suppliers.intro')}
        actions={canManage && <Button onClick={() => setEditing('new')}>{t('suppliers.create')}</Button>}
      />
      <Group mb="md" role="search" aria-label={t('suppliers.filters')}>
        <TextInput type="search" label={t('suppliers.search')} w={{ base: '100%', sm: 260 }} {...list.searchInput} />
      </Group>
      <QueryTable
        query={suppliers}
        caption={t('suppliers.title')}
        columns={columns}
        rowKey={(supplier) => supplier.id}
        rowTestId="supplier-row"
        sort={list.sort}
        paging={list.paging}
        pageSizes={[25, 50, 100]}
        rowActions={(supplier) => [
          ...(supplier.can.update ? [{ label: t('supplier.edit'), onClick: () => setEditing(supplier) }] : []),
          ...(supplier.can.delete ? [{ label: t('translation:common.delete'), onClick: () => setDeleting(supplier), danger: true }] : []),
        ]}
        rowActionsLabel={(supplier) => t('supplier.actionsFor', { name: supplier.name })}
        minWidth={700}
        empty={<ListEmptyState title={list.filtered ? t('suppliers.empty') : t('suppliers.emptyAll')} />}
      />
      {editing && <SupplierFormModal supplier={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <ConfirmDialog
        opened={deleting !== null}
        title={t('supplier.deleteTitle', { name: deleting?.name ?? '' })}
        text={t('supplier.deleteText')}
        confirmLabel={t('translation:common.delete')}
        loading={remove.isPending}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting, {
            onSuccess: () => {
              notifySuccess(t('supplier.deleted', { name: deleting.name }));
              setDeleting(null);
            },
            onError: notifyError,
          })
        }
        onClose={() => setDeleting(null)}
      />
    </>
  );
}

interface SupplierValues {
  name: string;
  organisationNumber: string;
  contact: string;
}

const valuesOf = (supplier: Supplier | null): SupplierValues => ({
  name: supplier?.name ?? '',
  organisationNumber: supplier?.organisationNumber ?? '',
  contact: supplier?.contact ?? '',
});

// The same check as the contract's (ten digits, Luhn check digit), repeated so the form says it before sending.
function organisationNumberValid(text: string): boolean {
  const digits = text.replace('-', '');
  if (!/^\d{6}-?\d{4}$/.test(text)) return false;
  let sum = 0;
  for (let index = 0; index < 9; index += 1) {
    let value = Number(digits[index]) * (index % 2 === 0 ? 2 : 1);
    if (value > 9) value -= 9;
    sum += value;
  }
  return (10 - (sum % 10)) % 10 === Number(digits[9]);
}

function SupplierFormModal({ supplier, onClose }: { supplier: Supplier | null; onClose: () => void }) {
  const { t } = useTranslation('software');
  const required = t('translation:common.required');
  const form = useForm<SupplierValues>({
    mode: 'controlled',
    initialValues: valuesOf(supplier),
    validate: {
      name: (value) => (value.trim() === '' ? required : null),
      organisationNumber: (value) =>
        value.trim() === '' ? required : organisationNumberValid(value.trim()) ? null : t('supplier.numberInvalid'),
    },
  });
  const save = useVersionedSave({
    form,
    record: supplier,
    valuesOf,
    labels: { name: t('supplier.name'), organisationNumber: t('supplier.organisationNumber'), contact: t('supplier.contact') },
    load: loadSupplier,
    save: (values, version) =>
      saveSupplier(
        {
          name: values.name.trim(),
          organisationNumber: values.organisationNumber.trim(),
          contact: values.contact.trim() || null,
        } as SupplierCreate,
        supplier,
        version,
      ),
    invalidates: supplierSavedInvalidates,
    onSaved: (saved) => {
      notifySuccess(t(supplier ? 'supplier.updated' : 'supplier.created', { name: saved.name }));
      onClose();
    },
    fieldMessages: () => ({ organisationNumber: t('supplier.numberTaken') }),
  });
  return (
    <Modal opened onClose={onClose} title={supplier ? t('supplier.editTitle', { name: supplier.name }) : t('supplier.createTitle')}>
      <form onSubmit={save.onSubmit} noValidate>
        <Stack gap="md">
          {save.alerts}
          <TextInput label={t('supplier.name')} required data-autofocus {...form.getInputProps('name')} />
          <TextInput
            label={t('supplier.organisationNumber')}
            description={t('supplier.numberHint')}
            required
            {...form.getInputProps('organisationNumber')}
          />
          <TextInput label={t('supplier.contact')} {...form.getInputProps('contact')} />
          <FormActions
            onCancel={onClose}
            submitLabel={supplier ? t('form.save') : t('form.create')}
            loading={save.saving}
            disabled={save.stale}
          />
        </Stack>
      </form>
    </Modal>
  );
}
