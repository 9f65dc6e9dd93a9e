import { Button, Group, NativeSelect, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format.ts';

interface CursorPagerProps {
  pageIndex: number;
  pageSize: number;
  itemCount: number;
  total: number;
  /** More match than `total`: the list counted only up to it ("of more than 10,000"). */
  totalCapped?: boolean;
  nextCursor: string | null;
  onNext: (cursor: string | null) => void;
  onPrevious: () => void;
  onPageSizeChange?: (pageSize: number) => void;
  pageSizes?: number[];
}

/** "Visar 1–25 av 300" with previous/next; the server pages, this only moves the cursor. */
export function CursorPager({
  pageIndex,
  pageSize,
  itemCount,
  total,
  totalCapped = false,
  nextCursor,
  onNext,
  onPrevious,
  onPageSizeChange,
  pageSizes = [25, 50],
}: CursorPagerProps) {
  const { t, i18n } = useTranslation();
  const from = pageIndex * pageSize + 1;
  const to = pageIndex * pageSize + itemCount;
  const number = (value: number) => formatNumber(value, i18n.language);
  return (
    <Group justify="space-between" mt="md" wrap="wrap" gap="sm" component="nav" aria-label={t('paging.navigation')}>
      <Text size="sm" aria-live="polite">
        {itemCount === 0
          ? t('paging.nothing', { total: number(total) })
          : t(totalCapped ? 'paging.showingMoreThan' : 'paging.showing', { from: number(from), to: number(to), total: number(total) })}
      </Text>
      <Group gap="sm">
        {onPageSizeChange && (
          <NativeSelect
            size="xs"
            label={t('paging.pageSize')}
            styles={{ root: { display: 'flex', alignItems: 'center', gap: 8 } }}
            data={pageSizes.map(String)}
            value={String(pageSize)}
            onChange={(event) => onPageSizeChange(Number(event.currentTarget.value))}
          />
        )}
        <Button size="xs" variant="default" onClick={onPrevious} disabled={pageIndex === 0}>
          {t('paging.previous')}
        </Button>
        <Button size="xs" variant="default" onClick={() => onNext(nextCursor)} disabled={!nextCursor}>
          {t('paging.next')}
        </Button>
      </Group>
    </Group>
  );
}

interface ListPagerProps {
  /** One page of a list response; nothing is shown until it is there, or when it is empty. */
  page: { items: readonly unknown[]; total: number; totalCapped?: boolean; nextCursor: string | null } | undefined;
  /** What useCursorPaging or useUrlPaging return. */
  paging: {
    pageIndex: number;
    pageSize: number;
    goNext: (cursor: string | null) => void;
    goPrevious: () => void;
    setPageSize: (pageSize: number) => void;
  };
  pageSizes?: number[];
}

/** The pager under a list, wired to its page and its paging state. */
export function ListPager({ page, paging, pageSizes }: ListPagerProps) {
  if (!page || page.items.length === 0) return null;
  return (
    <CursorPager
      pageIndex={paging.pageIndex}
      pageSize={paging.pageSize}
      itemCount={page.items.length}
      total={page.total}
      totalCapped={page.totalCapped === true}
      nextCursor={page.nextCursor}
      onNext={paging.goNext}
      onPrevious={paging.goPrevious}
      onPageSizeChange={paging.setPageSize}
      {...(pageSizes ? { pageSizes } : {})}
    />
  );
}
