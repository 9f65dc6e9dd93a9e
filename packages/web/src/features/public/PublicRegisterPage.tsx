import type { PublicSystem } from '@forvalta/contracts';
import {
  Box,
  Container,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ApiError, buildPath, type QueryValue } from '../../api/client.ts';
import { CursorPager } from '../../components/CursorPager.tsx';
import { useCursorPaging } from '../../components/cursor-paging.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { i18next } from '../../i18n/index.ts';

/** The public API lives outside /api/v1 and needs no session. */
async function publicGet<Result>(path: string, query: Record<string, QueryValue>, signal?: AbortSignal): Promise<Result> {
  const response = await fetch(buildPath(`/public/v1${path}`, query), {
    headers: { Accept: 'application/json' },
    credentials: 'omit',
    ...(signal ? { signal } : {}),
  });
  const payload = (await response.json().catch(() => undefined)) as unknown;
  if (!response.ok) {
    const problem = payload && typeof payload === 'object' && 'code' in payload ? (payload as ApiError['problem']) : undefined;
    throw new ApiError(response.status, problem, `HTTP ${response.status}`);
  }
  return payload as Result;
}

interface MunicipalityEntry {
  code: string;
  name: string;
  systemCount: number;
}
interface PublicList {
  municipality: { code: string; name: string };
  fields: string[];
  items: PublicSystem[];
  total: number;
  nextCursor: string | null;
}

function PublicShell({ children }: { children: React.ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <Box component="header" py="sm" px="md" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group justify="space-between" maw={1100} mx="auto">
          <Text component={Link} to="/public" fw={700} size="xl" c="blue.9" td="none">
            {t('app.name')}
          </Text>
          <SegmentedControl
            size="xs"
            aria-label={t('header.language')}
            value={i18n.language === 'en' ? 'en' : 'sv'}
            onChange={(value) => void i18next.changeLanguage(value)}
            data={[
              { value: 'sv', label: <span lang="sv">Svenska</span> },
              { value: 'en', label: <span lang="en">English</span> },
            ]}
          />
        </Group>
      </Box>
      <Container component="main" size={1100} py="lg" id="main-content">
        {children}
      </Container>
    </>
  );
}

function MunicipalityChooser({ value }: { value?: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const municipalities = useQuery({
    queryKey: ['public', 'municipalities'],
    queryFn: ({ signal }) => publicGet<{ items: MunicipalityEntry[] }>('/municipalities', {}, signal),
    staleTime: 5 * 60_000,
  });
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

export function PublicRegisterPage() {
  const { t } = useTranslation();
  const { code } = useParams({ from: '/public/$code' });
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const paging = useCursorPaging(`${code}|${debounced}`, 50);
  const list = useQuery({
    queryKey: ['public', 'systems', code, debounced, paging.cursor, paging.pageSize],
    queryFn: ({ signal }) =>
      publicGet<PublicList>('/systems', { municipality: code, q: debounced, cursor: paging.cursor, limit: paging.pageSize }, signal),
    placeholderData: keepPreviousData,
  });
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
          <TextInput
            label={t('publicRegister.search')}
            type="search"
            w={320}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
          />
          <MunicipalityChooser value={code} />
        </Group>
        <Paper withBorder radius="md">
          {list.isLoading ? (
            <LoadingState />
          ) : list.error ? (
            list.error instanceof ApiError && list.error.status === 404 ? (
              <ListEmptyState title={t('publicRegister.notPublished')} hint={t('publicRegister.notPublishedHint')} />
            ) : (
              <ErrorState error={list.error} onRetry={() => void list.refetch()} />
            )
          ) : !list.data || list.data.items.length === 0 ? (
            <ListEmptyState title={t('publicRegister.empty')} />
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table verticalSpacing="xs" striped aria-busy={list.isFetching}>
                <VisuallyHidden component="caption">{t('publicRegister.titleFor', { name: list.data.municipality.name })}</VisuallyHidden>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('publicRegister.name')}</Table.Th>
                    {fields.map((field) => (
                      <Table.Th scope="col" key={field}>
                        {t(`publicRegister.fields.${field}`)}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((system) => (
                    <Table.Tr key={system.id} data-testid="public-row">
                      <Table.Th scope="row" fw={600} fz="sm">
                        {system.name}
                      </Table.Th>
                      {fields.map((field) => (
                        <Table.Td key={field} fz="sm" className="wrap-anywhere">
                          {value(system, field)}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
        {list.data && list.data.total > 0 && (
          <CursorPager
            pageIndex={paging.pageIndex}
            pageSize={paging.pageSize}
            itemCount={list.data.items.length}
            total={list.data.total}
            nextCursor={list.data.nextCursor}
            onNext={paging.goNext}
            onPrevious={paging.goPrevious}
          />
        )}
      </Stack>
    </PublicShell>
  );
}
