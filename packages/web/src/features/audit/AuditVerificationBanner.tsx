import { Alert } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { latestVerificationQuery } from './audit.queries.ts';

/**
 * A failed nightly verification of the audit chain (issue #12, finding 6), shown on every page to
 * the people who hold the audit permission, until a later run finds the chain intact again.
 */
export function AuditVerificationBanner() {
  const canReadAudit = useCan('auditEvent.read');
  if (!canReadAudit) return null;
  return <FailedVerification />;
}

function FailedVerification() {
  const { t } = useTranslation();
  const latest = useQuery(latestVerificationQuery()).data?.latest;
  if (!latest || latest.intact) return null;
  return (
    <Alert color="red" variant="light" mb="md" title={t('audit.banner.title')} data-testid="audit-verification-banner">
      {t('audit.banner.text', { checkedAt: formatDateTime(latest.checkedAt), count: latest.problems })}{' '}
      <AnchorLink to="/audit-log" underline="always" c="red.9">
        {t('audit.banner.link')}
      </AnchorLink>
    </Alert>
  );
}
