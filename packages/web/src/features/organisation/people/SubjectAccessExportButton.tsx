import { Button } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { downloadByPost } from '../../../api/client.ts';
import { notifyError, notifySuccess } from '../../../components/error-messages.ts';
import { auditKeys } from '../../audit/audit.queries.ts';

/**
 * The data protection officer's subject access extract (GDPR art. 15) of one person, as XLSX.
 * Shown when the person's `can.subjectAccessExport` says so; the extract is recorded in the audit
 * log, so it is a POST and the log's queries are read again after it.
 */
export function SubjectAccessExportButton({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const extract = useMutation({
    mutationFn: () => downloadByPost('/people/:id/subject-access-export', {}, { id: personId }),
    onSuccess: () => {
      notifySuccess(t('person.subjectAccessExported'));
      void queryClient.invalidateQueries({ queryKey: auditKeys.all });
    },
    onError: notifyError,
  });
  return (
    <Button variant="default" onClick={() => extract.mutate()} loading={extract.isPending}>
      {t('person.subjectAccessExport')}
    </Button>
  );
}
