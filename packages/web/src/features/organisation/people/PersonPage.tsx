import { Badge, SimpleGrid, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { AnchorLink } from '../../../components/AnchorLink.tsx';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { LoadingState } from '../../../components/LoadingState.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { Fact, SectionCard } from '../../../components/SectionCard.tsx';
import { hasPermission, useCurrentUser } from '../../../app/session.ts';
import { formatDate } from '../../../i18n/format.ts';
import { departmentNameMap, useAllDepartments } from '../departments/departments.queries.ts';
import { personQuery } from './people.queries.ts';
import { PersonLoginSection } from './PersonLoginSection.tsx';
import { SubjectAccessExportButton } from './SubjectAccessExportButton.tsx';
import { PersonTrainingSection } from '../../training/PersonTrainingSection.tsx';
import { PersonAcknowledgementsSection } from '../../documents/PersonAcknowledgementsSection.tsx';
import { PersonAccessSection } from '../../access-rights/PersonAccessSection.tsx';
import { PersonMailboxesSection } from '../../privacy/PersonMailboxesSection.tsx';

const routeApi = getRouteApi('/authenticated/content/people/$personId');

/** A person's page: who they are, and for administrators their login in this municipality. */
export function PersonPage() {
  const { t } = useTranslation();
  const { personId } = routeApi.useParams();
  const person = useQuery(personQuery(personId));
  const departmentNames = departmentNameMap(useAllDepartments().data);
  const me = useCurrentUser();
  const canOversee = hasPermission(me, 'acknowledgementCoverage.read');

  if (person.isLoading) return <LoadingState />;
  if (person.error || !person.data) return <ErrorState error={person.error} onRetry={() => void person.refetch()} />;
  const p = person.data;
  const name = `${p.firstName} ${p.lastName}`;

  return (
    <Stack gap="lg">
      <div>
        <AnchorLink to="/people" size="sm">
          {t('person.backToPeople')}
        </AnchorLink>
        <PageHeader
          title={name}
          intro={p.title ?? undefined}
          actions={p.can.subjectAccessExport ? <SubjectAccessExportButton personId={p.id} /> : undefined}
        />
      </div>
      <SectionCard id="details" title={t('person.details')}>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 3 }} spacing="md" m={0}>
          <Fact label={t('people.email')}>{p.email}</Fact>
          <Fact label={t('people.jobTitle')}>{p.title ?? '–'}</Fact>
          <Fact label={t('people.employeeNumber')}>{p.employeeNumber ?? '–'}</Fact>
          <Fact label={t('people.department')}>
            {p.departmentId ? (departmentNames.get(p.departmentId) ?? '–') : t('people.noDepartment')}
          </Fact>
          <Fact label={t('people.status')}>
            {p.employmentStatus === 'active' ? (
              <Badge color="#1f6f36" variant="filled" tt="none">
                {t('people.statusActive')}
              </Badge>
            ) : (
              <Badge color="gray.7" variant="outline" tt="none">
                {t('people.statusLeft')}
              </Badge>
            )}
          </Fact>
          <Fact label={t('people.startDate')}>{formatDate(p.startDate) || '–'}</Fact>
          <Fact label={t('people.endDate')}>{formatDate(p.endDate) || '–'}</Fact>
          <Fact label={t('people.hasPersonalMailbox')}>{p.hasPersonalMailbox ? t('common.yes') : t('common.no')}</Fact>
        </SimpleGrid>
      </SectionCard>
      {/* The login section is for whoever the server says may manage this person's login (person.can). */}
      {p.can.manageLogin && <PersonLoginSection person={p} />}
      {/* Their training: the person's own, and whoever the server lets read it (a head of another department does not). */}
      <PersonTrainingSection personId={p.id} />
      {/* Acknowledgements are one's own, or those of the people one oversees (the server lists no others). */}
      {(me.personId === p.id || canOversee) && <PersonAcknowledgementsSection personId={p.id} />}
      <PersonAccessSection personId={p.id} personName={`${p.firstName} ${p.lastName}`} />
      <PersonMailboxesSection personId={p.id} />
    </Stack>
  );
}
