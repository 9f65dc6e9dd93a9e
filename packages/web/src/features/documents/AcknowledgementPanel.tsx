import type { Acknowledgement, DocumentVersion } from '@forvalta/contracts';
import { Alert, Button, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { useCurrentUser } from '../../app/session.ts';
import { notifyError, notifySuccess } from '../../components/error-messages.ts';
import { SectionCard } from '../../components/SectionCard.tsx';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { acknowledgementKeys, ownRequestQuery, useAcknowledge } from './acknowledgements.queries.ts';

/** The signed-in person's own request for this version, if they have one (null while loading or when there is none). */
export function useOwnRequest(version: Pick<DocumentVersion, 'id' | 'state'>): Acknowledgement | null {
  const me = useCurrentUser();
  // Only adopted (and superseded) versions are ever asked about; a draft has no requests.
  const asked = version.state === 'adopted' || version.state === 'superseded';
  const request = useQuery({ ...ownRequestQuery(me.personId, version.id), enabled: asked });
  return request.data?.items[0] ?? null;
}

/**
 * "Jag har läst och förstått" under the text, for the reader's own request only: the server
 * refuses anyone else's, and the button is there only when the request says it may be confirmed.
 */
export function AcknowledgementPanel({ request }: { request: Acknowledgement }) {
  const { t } = useTranslation('documents');
  const queryClient = useQueryClient();
  const acknowledge = useAcknowledge();
  const confirm = () =>
    acknowledge.mutate(request, {
      onSuccess: () => notifySuccess(t('reading.acknowledgedNotice')),
      onError: (error) => {
        notifyError(error);
        // Someone (a department head recording a paper) got there first: reading it again shows what stands.
        if (isApiError(error, 'version_mismatch') || isApiError(error, 'conflict'))
          void queryClient.invalidateQueries({ queryKey: acknowledgementKeys.all });
      },
    });

  return (
    <SectionCard id="acknowledge" title={t('reading.acknowledgement')}>
      {request.state === 'acknowledged' ? (
        // Plain text on the tint, not the alert's coloured title, so it keeps 4.5:1.
        <Alert color="green" variant="light" data-testid="own-acknowledgement">
          <Text size="sm" fw={700}>
            {t('reading.acknowledgedTitle')}
          </Text>
          <Text size="sm">
            {request.method === 'paper'
              ? t('reading.acknowledgedOnPaper', { at: formatDate(request.acknowledgedAt), name: request.recordedByName ?? '–' })
              : request.method === 'training_session'
                ? t('reading.acknowledgedAtSession', { at: formatDate(request.acknowledgedAt) })
                : t('reading.acknowledgedAt', { at: formatDateTime(request.acknowledgedAt) })}
          </Text>
          {request.carriedOverFromVersionId && (
            <Text size="sm" mt={4}>
              {t('reading.carriedOver')}
            </Text>
          )}
        </Alert>
      ) : request.state === 'withdrawn' ? (
        <Text size="sm">{t('reading.withdrawn')}</Text>
      ) : (
        <Stack gap="sm" align="flex-start" data-testid="own-request">
          {request.overdue ? (
            <Alert color="red" variant="light" w="100%">
              <Text size="sm" fw={700}>
                {t('reading.overdueTitle')}
              </Text>
              <Text size="sm">{t('reading.overdueText', { date: formatDate(request.dueDate) })}</Text>
            </Alert>
          ) : (
            <Text size="sm">{t('reading.requested', { date: formatDate(request.dueDate) })}</Text>
          )}
          <Text size="sm" c="gray.7">
            {t('reading.meaning')}
          </Text>
          {request.can.acknowledge && (
            <Button onClick={confirm} loading={acknowledge.isPending}>
              {t('reading.acknowledge')}
            </Button>
          )}
        </Stack>
      )}
    </SectionCard>
  );
}
