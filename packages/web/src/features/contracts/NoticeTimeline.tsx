import type { Contract } from '@forvalta/contracts';
import { Box, Group, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { formatDate } from '../../i18n/format.ts';
import { daysUntil, monthsAfter, positionOf, timelineMonths } from './contracts-values.ts';

const noticeColour = '#b3261e';
const endColour = '#1c4f8f';

/**
 * The next twelve months as a horizontal line per contract: a diamond on its last day to give
 * notice, a circle on the end of its term. The dates are also written beside each contract, so the
 * picture (hidden from screen readers) is never the only place they stand.
 */
export function NoticeTimeline({ contracts, today }: { contracts: Contract[]; today: string }) {
  const { t, i18n } = useTranslation('software');
  const narrow = useMediaQuery('(max-width: 47.99em)');
  const end = monthsAfter(today, timelineMonths);
  // On a phone every third month is named: twelve short names do not fit beside each other.
  const months = Array.from({ length: timelineMonths }, (_, index) => monthsAfter(`${today.slice(0, 8)}01`, index + 1)).filter(
    (day, index) => positionOf(day, today, end) !== null && (!narrow || index % 3 === 0),
  );
  const monthName = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'sv-SE', { month: 'short', timeZone: 'UTC' });
  const rows = contracts.filter((contract) => positionOf(contract.noticeDate, today, end) !== null);
  if (rows.length === 0) return <Text size="sm">{t('timeline.empty')}</Text>;
  return (
    <Stack gap="xs" data-testid="notice-timeline">
      <Group gap="md" aria-hidden="true">
        <Group gap={6}>
          <Box w={10} h={10} bg={noticeColour} style={{ transform: 'rotate(45deg)' }} />
          <Text size="xs">{t('timeline.noticeDate')}</Text>
        </Group>
        <Group gap={6}>
          <Box w={10} h={10} bg={endColour} style={{ borderRadius: '50%' }} />
          <Text size="xs">{t('timeline.endDate')}</Text>
        </Group>
      </Group>
      <Box pos="relative" h={18} ml={{ base: 0, md: 240 }} aria-hidden="true">
        {months.map((day) => (
          <Text
            key={day}
            size="xs"
            c="gray.7"
            pos="absolute"
            style={{ left: `${(positionOf(day, today, end) ?? 0) * 100}%`, transform: 'translateX(-50%)', whiteSpace: 'nowrap' }}
          >
            {monthName.format(new Date(`${day}T00:00:00Z`))}
          </Text>
        ))}
      </Box>
      <Stack component="ol" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
        {rows.map((contract) => {
          const notice = positionOf(contract.noticeDate, today, end) ?? 0;
          const ends = positionOf(contract.currentTermEndsOn, today, end);
          const days = daysUntil(contract.noticeDate, today);
          return (
            <Box component="li" key={contract.id} data-testid="timeline-row">
              <Group gap="md" wrap="wrap" align="center">
                <Stack gap={0} w={{ base: '100%', md: 228 }}>
                  <AnchorLink to="/contracts/$contractId" params={{ contractId: contract.id }} size="sm" fw={600} className="wrap-anywhere">
                    {contract.title}
                  </AnchorLink>
                  <Text size="xs" c={days <= 31 ? 'red.9' : 'gray.7'} fw={days <= 31 ? 700 : 400}>
                    {t('timeline.noticeOn', { date: formatDate(contract.noticeDate), count: days })}
                  </Text>
                  <Text size="xs" c="gray.7">
                    {t('timeline.endsOn', { date: formatDate(contract.currentTermEndsOn) })}
                    {contract.noticeDecision && contract.noticeDecidedForTerm ? ` · ${t(`noticeDecision.${contract.noticeDecision}`)}` : ''}
                  </Text>
                </Stack>
                <Box pos="relative" h={20} style={{ flex: 1, minWidth: 200 }} aria-hidden="true">
                  <Box pos="absolute" top={9} left={0} right={0} h={2} bg="gray.4" />
                  <Box
                    pos="absolute"
                    top={9}
                    h={2}
                    bg={noticeColour}
                    style={{ left: `${notice * 100}%`, width: `${((ends ?? 1) - notice) * 100}%`, opacity: 0.5 }}
                  />
                  <Box
                    pos="absolute"
                    top={4}
                    w={12}
                    h={12}
                    bg={noticeColour}
                    style={{ left: `calc(${notice * 100}% - 6px)`, transform: 'rotate(45deg)' }}
                  />
                  {ends !== null && (
                    <Box
                      pos="absolute"
                      top={4}
                      w={12}
                      h={12}
                      bg={endColour}
                      style={{ left: `calc(${ends * 100}% - 6px)`, borderRadius: '50%' }}
                    />
                  )}
                </Box>
              </Group>
            </Box>
          );
        })}
      </Stack>
    </Stack>
  );
}
