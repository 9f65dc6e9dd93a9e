import { Alert, Code, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { errorMessage, reasonText } from '../../components/error-messages.ts';

/** A 422 rule_violation names the policy requirement it enforces (e.g. ITP-4.2-MANAGER); show it. */
export function RuleViolationAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const problem = error instanceof ApiError ? error.problem : undefined;
  const requirement = problem?.requirement;
  return (
    <Alert color="red" variant="light" role="alert" title={t('system.ruleViolation')}>
      {requirement && (
        <Text size="sm" fw={600}>
          {t('system.requirement')}: <Code>{requirement}</Code>
        </Text>
      )}
      <Text size="sm">
        {requirement ? t(`system.requirementText.${requirement}`, { defaultValue: reasonText(error) }) : errorMessage(error)}
      </Text>
    </Alert>
  );
}
