import { Button, Group, Menu, Paper, Table, UnstyledButton, VisuallyHidden } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { type CSSProperties, Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ListPager } from './CursorPager.tsx';
import { ErrorState } from './ErrorState.tsx';
import { LoadingState } from './LoadingState.tsx';

/** One page of a list as the API answers it (keyset paging: the server pages, the table shows one page). */
export interface ListPage<Row> {
  items: Row[];
  total: number;
  /** A list that counts only up to a cap says so: `total` is then a lower bound (the asset list). */
  totalCapped?: boolean;
  nextCursor: string | null;
}

export interface Column<Row> {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** The list's sort field this column orders by; the header becomes a button and says the order. */
  sortField?: string;
  align?: 'left' | 'right';
  /** Dates, codes and badges: kept on one line. */
  nowrap?: boolean;
  /** Header hidden visually but read by screen readers (an icon column). */
  headerHidden?: boolean;
  width?: number;
  minWidth?: number;
  cellStyle?: CSSProperties;
  /** The cell that names the row (a job, a clause): a row header for screen readers. */
  rowHeader?: boolean;
}

export interface RowAction {
  label: string;
  onClick: () => void;
  /** Destructive actions are red (dark enough for text contrast). */
  danger?: boolean;
}

/** The list's sort as it stands in the address: a field, `-field` for descending. */
export interface TableSort {
  value: string | undefined;
  onChange: (sort: string) => void;
}

interface TableProps<Row> {
  caption: string;
  columns: Column<Row>[];
  rowKey: (row: Row) => string;
  /** The actions of a row, in a menu "Åtgärder ▾"; leave out for tables without actions. */
  rowActions?: (row: Row) => RowAction[];
  /** The accessible name of a row's action menu, naming the row ("Åtgärder för Anna Berg"). */
  rowActionsLabel?: (row: Row) => string;
  /** A second row under a row (expanded details); null when closed. */
  rowDetails?: (row: Row) => { id: string; content: ReactNode } | null;
  rowTestId?: string | ((row: Row) => string);
  sort?: TableSort;
  minWidth?: number;
  /** Under the rows, inside the frame (totals of the selection). */
  footer?: ReactNode;
}

interface QueryTableProps<Row> extends TableProps<Row> {
  /** A list query (a page with a cursor) or a whole list (an array, small and unpaged). */
  query: UseQueryResult<ListPage<Row>> | UseQueryResult<{ items: Row[] }> | UseQueryResult<Row[]>;
  /** What the table says when there is nothing: usually a ListEmptyState, different with filters set. */
  empty: ReactNode;
  /** What useUrlPaging returns; the pager is shown under a paged list. */
  paging?: Parameters<typeof ListPager>[0]['paging'];
  pageSizes?: number[];
  /** A table inside a section card needs no frame of its own. */
  framed?: boolean;
}

/**
 * The one list table: loading, error with retry, empty, caption, sortable headers, rows, row
 * actions and the cursor pager. Every list page renders through it, so each shows the same states
 * in the same way and keeps the same accessibility (caption, scope, aria-sort, named menus).
 */
export function QueryTable<Row>(props: QueryTableProps<Row>) {
  const { query, framed = true } = props;
  const data = query.data as ListPage<Row> | { items: Row[] } | Row[] | undefined;
  const rows = Array.isArray(data) ? data : data?.items;
  // Only a paged answer (with its total and cursor) gets the pager.
  const page = data && !Array.isArray(data) && 'total' in data ? data : undefined;
  const body = query.isLoading ? (
    <LoadingState />
  ) : query.error ? (
    <ErrorState error={query.error} onRetry={() => void query.refetch()} />
  ) : !rows || rows.length === 0 ? (
    props.empty
  ) : (
    <DataTable {...props} rows={rows} busy={query.isFetching} />
  );

  return (
    <>
      {framed ? (
        <Paper withBorder radius="md">
          {body}
        </Paper>
      ) : (
        body
      )}
      {props.paging && <ListPager page={page} paging={props.paging} {...(props.pageSizes ? { pageSizes: props.pageSizes } : {})} />}
    </>
  );
}

/**
 * The table itself for rows already at hand (a record's parameters, a sorted copy of a list):
 * the same caption, headers, row headers and action menus as every QueryTable.
 */
export function DataTable<Row>(props: TableProps<Row> & { rows: readonly Row[]; busy?: boolean }) {
  const { t } = useTranslation();
  const { rows } = props;
  const hasActions = Boolean(props.rowActions);
  const columnCount = props.columns.length + (hasActions ? 1 : 0);
  return (
    <Table.ScrollContainer minWidth={props.minWidth ?? 720}>
      <Table verticalSpacing="xs" horizontalSpacing="xs" highlightOnHover aria-busy={props.busy ?? false}>
        <VisuallyHidden component="caption">{props.caption}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            {props.columns.map((column) => (
              <HeaderCell key={column.key} column={column} sort={props.sort} />
            ))}
            {hasActions && (
              <Table.Th scope="col" ta="right">
                {t('common.actions')}
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const details = props.rowDetails?.(row);
            const actions = props.rowActions?.(row) ?? [];
            return (
              <Fragment key={props.rowKey(row)}>
                <Table.Tr data-testid={typeof props.rowTestId === 'function' ? props.rowTestId(row) : props.rowTestId}>
                  {props.columns.map((column) => {
                    const Cell = column.rowHeader ? Table.Th : Table.Td;
                    return (
                      <Cell
                        key={column.key}
                        {...(column.rowHeader ? { scope: 'row' } : {})}
                        ta={column.align}
                        miw={column.minWidth}
                        style={{ ...(column.nowrap ? { whiteSpace: 'nowrap' } : {}), ...column.cellStyle }}
                      >
                        {column.cell(row)}
                      </Cell>
                    );
                  })}
                  {hasActions && (
                    <Table.Td>
                      {actions.length > 0 && (
                        <Group justify="flex-end">
                          <Menu position="bottom-end" withinPortal>
                            <Menu.Target>
                              <Button size="xs" variant="default" aria-label={props.rowActionsLabel?.(row)}>
                                {t('common.actions')} <span aria-hidden="true">&nbsp;▾</span>
                              </Button>
                            </Menu.Target>
                            <Menu.Dropdown>
                              {actions.map((action) => (
                                <Menu.Item key={action.label} c={action.danger ? 'red.9' : undefined} onClick={action.onClick}>
                                  {action.label}
                                </Menu.Item>
                              ))}
                            </Menu.Dropdown>
                          </Menu>
                        </Group>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
                {details && (
                  <Table.Tr id={details.id}>
                    <Table.Td colSpan={columnCount} bg="gray.0">
                      {details.content}
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
      {props.footer}
    </Table.ScrollContainer>
  );
}

function HeaderCell<Row>({ column, sort }: { column: Column<Row>; sort: TableSort | undefined }) {
  const { t } = useTranslation();
  const header = column.headerHidden ? <VisuallyHidden>{column.header}</VisuallyHidden> : column.header;
  if (!column.sortField || !sort) {
    return (
      <Table.Th scope="col" ta={column.align} w={column.width}>
        {header}
      </Table.Th>
    );
  }
  const field = column.sortField;
  const ascending = sort.value === field;
  const descending = sort.value === `-${field}`;
  const state = ascending ? t('table.sortedAscending') : descending ? t('table.sortedDescending') : t('table.notSorted');
  return (
    <Table.Th scope="col" ta={column.align} w={column.width} aria-sort={ascending ? 'ascending' : descending ? 'descending' : 'none'}>
      <UnstyledButton
        onClick={() => sort.onChange(ascending ? `-${field}` : field)}
        fw={700}
        fz="sm"
        aria-label={`${typeof column.header === 'string' ? column.header : ''}, ${state} ${t('table.sortBy')}`}
      >
        {column.header} <span aria-hidden="true">{ascending ? '▲' : descending ? '▼' : '↕'}</span>
      </UnstyledButton>
    </Table.Th>
  );
}
