import type { Review } from '@forvalta/contracts';
import { Badge, Group, List, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { formatDate } from '../../i18n/format.ts';
import { Fact } from '../../components/SectionCard.tsx';
import { keyedByContent } from '../../components/stable-keys.ts';

/** A review's status in words, with "overdue" marked. */
export function ReviewStatusBadges({ review }: { review: Pick<Review, 'status' | 'overdue'> }) {
  const { t } = useTranslation('lifecycle');
  return (
    <Group gap={6} wrap="nowrap">
      <Badge color={review.status === 'held' ? '#1f6f36' : 'gray.7'} variant={review.status === 'held' ? 'filled' : 'outline'} tt="none">
        {t(`reviews.statusValue.${review.status}`)}
      </Badge>
      {review.overdue && (
        <Badge color="red.9" variant="filled" tt="none">
          {t('reviews.overdue')}
        </Badge>
      )}
    </Group>
  );
}

/** The participants, those from the IT unit marked (ITP-4.3-ASSIST). */
export function ParticipantList({ participants }: { participants: Review['participants'] }) {
  const { t } = useTranslation('lifecycle');
  if (participants.length === 0) return <Text size="sm">–</Text>;
  return (
    <Group gap={6} wrap="wrap">
      {keyedByContent(participants, (participant) => participant.name).map(({ key, item: participant }, index) => (
        <Text key={key} size="sm" component="span">
          {participant.name}
          {participant.itUnit && (
            <Badge ml={4} size="sm" color="blue.9" variant="outline" tt="none">
              {t('reviews.itUnitMark')}
            </Badge>
          )}
          {index < participants.length - 1 && ','}
        </Text>
      ))}
    </Group>
  );
}

/** Everything a review recorded: dates, who took part, the adjacent systems considered, the evaluations of §3, findings and actions. */
export function ReviewDetails({ review, headingLevel = 3 }: { review: Review; headingLevel?: 2 | 3 | 4 }) {
  const { t } = useTranslation('lifecycle');
  const text = (value: string | null) => value ?? t('reviews.notRecorded');
  return (
    <Stack gap="md">
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 4 }} spacing="md" m={0}>
        <Fact multiline label={t('reviews.plannedOn')}>
          {formatDate(review.plannedOn)}
        </Fact>
        <Fact multiline label={t('reviews.heldOn')}>
          {formatDate(review.heldOn)}
        </Fact>
        <Fact multiline label={t('reviews.nextReviewOn')}>
          {formatDate(review.nextReviewOn)}
        </Fact>
        <Fact multiline label={t('reviews.participants')}>
          <ParticipantList participants={review.participants} />
        </Fact>
      </SimpleGrid>
      <Title order={headingLevel} size="h5">
        {t('reviews.evaluations')}
      </Title>
      <SimpleGrid component="dl" cols={{ base: 1, md: 3 }} spacing="md" m={0}>
        <Fact multiline label={t('reviews.use')}>
          {text(review.evaluations.use)}
        </Fact>
        <Fact multiline label={t('reviews.coordination')}>
          {text(review.evaluations.coordination)}
        </Fact>
        <Fact multiline label={t('reviews.efficiency')}>
          {text(review.evaluations.efficiency)}
        </Fact>
      </SimpleGrid>
      <SimpleGrid component="dl" cols={{ base: 1, md: 2 }} spacing="md" m={0}>
        <Fact multiline label={t('reviews.findings')}>
          {text(review.findings)}
        </Fact>
        <Fact multiline label={t('reviews.adjacent')}>
          {review.adjacentSystems.length === 0 ? (
            t('reviews.noAdjacent')
          ) : (
            <List size="sm" spacing={2}>
              {review.adjacentSystems.map((system) => (
                <List.Item key={system.systemId}>
                  <AnchorLink to="/systems/$systemId" params={{ systemId: system.systemId }} size="sm">
                    {system.systemName}
                  </AnchorLink>
                  {': '}
                  {system.considered ? t('reviews.consideredYes') : t('reviews.consideredNo')}
                  {system.note && ` – ${system.note}`}
                </List.Item>
              ))}
            </List>
          )}
        </Fact>
      </SimpleGrid>
      <Title order={headingLevel} size="h5">
        {t('reviews.actions')}
      </Title>
      {review.actions.length === 0 ? (
        <Text size="sm">{t('reviews.noActions')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing={4}>
            <VisuallyHidden component="caption">{t('reviews.actions')}</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('reviews.actionColumn')}</Table.Th>
                <Table.Th scope="col">{t('reviews.ownerColumn')}</Table.Th>
                <Table.Th scope="col">{t('reviews.dueColumn')}</Table.Th>
                <Table.Th scope="col">{t('reviews.statusColumn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {keyedByContent(review.actions, (action) => action.description).map(({ key, item: action }) => (
                <Table.Tr key={key}>
                  <Table.Td>{action.description}</Table.Td>
                  <Table.Td>{action.ownerName ?? '–'}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(action.dueDate)}</Table.Td>
                  <Table.Td>{t(`measureStatus.${action.status}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
