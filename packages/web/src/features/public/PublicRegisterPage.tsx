import type { PublicSystem } from '@forvalta/contracts';
import { Box, Container, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ApiError } from '../../api/client.ts';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { useAddressList } from '../../components/list-address.ts';
import { QueryTable } from '../../components/QueryTable.tsx';
import { publicMunicipalitiesQuery, publicSystemsQuery } from './public.queries.ts';
import { formatNumber } from '../../i18n/format.ts';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';

/** The frame of every public page: name, language, and the link to the accessibility statement. */
export function PublicShell({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <Box component="header" py="sm" px="md" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group justify="space-between" maw={1100} mx="auto">
          <Text component={Link} to="/public" fw={700} size="xl" c="blue.9" td="none">
            {t('app.name')}
          </Text>
          <LanguageSwitch />
        </Group>
      </Box>
      <Container component="main" size={1100} py="lg" id="main-content">
        {children}
      </Container>
      <Box component="footer" py="md" px="md" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
        <Group maw={1100} mx="auto">
          <Text component={Link} to="/public/accessibility" size="sm" c="blue.9">
            {t('accessibilityStatement.link')}
          </Text>
        </Group>
      </Box>
    </>
  );
}

function MunicipalityChooser({ value }: { value?: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const municipalities = useQuery(publicMunicipalitiesQuery);
  if (municipalities.error) return <ErrorState error={municipalities.error} onRetry={() => void municipalities.refetch()} />;
  return (
    <Select
      label={t('publicRegister.municipality')}
      placeholder={t('publicRegister.chooseMunicipality')}
      w={360}
      searchable
      allowDeselect={false}
      value={value ?? null}
      disabled={municipalities.isLoading}
      data={(municipalities.data?.items ?? []).map((entry) => ({
        value: entry.code,
        label: `${entry.name} (${t('publicRegister.systemCount', { count: entry.systemCount, formatted: formatNumber(entry.systemCount, i18n.language) })})`,
      }))}
      onChange={(code) => code && void navigate({ to: '/public/$code', params: { code } })}
    />
  );
}

/** Publikt systemregister: no login, only the fields the municipality has chosen to publish (ITP-2-OPEN). */
export function PublicRegisterStartPage() {
  const { t } = useTranslation();
  return (
    <PublicShell>
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('publicRegister.title')}
        </Title>
        <Text maw={720}>{t('publicRegister.intro')}</Text>
        <MunicipalityChooser />
      </Stack>
    </PublicShell>
  );
}

const routeApi = getRouteApi('/public/$code');

export function PublicRegisterPage() {
  const { t } = useTranslation();
  const { code } = useParams({ from: '/public/$code' });
  const address = useAddressList(routeApi.useSearch(), routeApi.useNavigate(), { pageSize: 50 });
  const query = { municipality: code, ...address.query };
  const list = useQuery(publicSystemsQuery(query));
  const fields = list.data?.fields ?? [];
  const value = (system: PublicSystem, field: string): string => {
    const raw = (system as Record<string, unknown>)[field];
    if (raw === undefined || raw === null || raw === '') return '–';
    if (field === 'kind') return t(`labels.kind.${raw as string}`);
    if (field === 'lifecycle') return t(`labels.lifecycle.${raw as string}`);
    if (field === 'scope') return t(`labels.scope.${raw as string}`);
    if (field === 'processesPersonalData') return raw ? t('common.yes') : t('common.no');
    return String(raw);
  };

  return (
    <PublicShell>
      <Stack gap="md">
        <AnchorLink to="/public" size="sm">
          <span aria-hidden="true">← </span>
          {t('publicRegister.allMunicipalities')}
        </AnchorLink>
        <Title order={1} size="h2">
          {list.data ? t('publicRegister.titleFor', { name: list.data.municipality.name }) : t('publicRegister.title')}
        </Title>
        <Text maw={720}>{t('publicRegister.listIntro')}</Text>
        <Group align="flex-end" gap="md" role="search">
          <TextInput label={t('publicRegister.search')} type="search" w={320} {...address.searchInput} />
          <MunicipalityChooser value={code} />
        </Group>
        {list.error instanceof ApiError && list.error.status === 404 ? (
          <ListEmptyState title={t('publicRegister.notPublished')} hint={t('publicRegister.notPublishedHint')} />
        ) : (
          <QueryTable
            query={list}
            caption={list.data ? t('publicRegister.titleFor', { name: list.data.municipality.name }) : t('publicRegister.title')}
            columns={[
              { key: 'name', header: t('publicRegister.name'), rowHeader: true, cell: (system: PublicSystem) => system.name },
              ...fields.map((field) => ({
                key: field,
                header: t(`publicRegister.fields.${field}`),
                cell: (system: PublicSystem) => <span className="wrap-anywhere">{value(system, field)}</span>,
              })),
            ]}
            rowKey={(system) => system.id}
            rowTestId="public-row"
            paging={address.paging}
            pageSizes={[25, 50, 100]}
            empty={<ListEmptyState title={t('publicRegister.empty')} />}
          />
        )}
      </Stack>
    </PublicShell>
  );
}
