import type { Permission } from '@forvalta/contracts';
import { NavLink, Stack, Text } from '@mantine/core';
import { Link, useRouterState } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TaskCountBadge, useTasksNavigationName } from '../../features/tasks/TaskCountBadge.tsx';
import { hasPermission, useCurrentUser } from '../session.ts';

interface NavigationItem {
  to:
    | '/'
    | '/overview'
    | '/departments'
    | '/people'
    | '/roles'
    | '/audit-log'
    | '/api-tokens'
    | '/api-tokens/municipality'
    | '/settings'
    | '/systems'
    | '/my-systems'
    | '/compliance'
    | '/public'
    | '/projects'
    | '/reviews'
    | '/change-notices'
    | '/access-rights/import'
    | '/imports/register'
    | '/imports/people'
    | '/training'
    | '/documents'
    | '/access-rights/leavers'
    | '/recertifications'
    | '/role-templates'
    | '/processing-activities'
    | '/processing-activities/queue'
    | '/mailboxes'
    | '/assets'
    | '/asset-models'
    | '/software'
    | '/licences'
    | '/contracts'
    | '/incidents'
    | '/account';
  label: string;
  permission?: Permission;
  /** Beside the label: the to-do list's count, whose words are in `accessibleName`. */
  badge?: ReactNode;
  accessibleName?: string;
}

/** The side navigation; a page the user may not open is not offered at all. */
export function Navigation() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const tasksName = useTasksNavigationName(!me.secondFactorEnrolmentRequired);

  const groups: Array<{ heading?: string; items: NavigationItem[] }> = me.secondFactorEnrolmentRequired
    ? // Until two-step verification is set up, the account page is the only one that opens.
      [{ items: [{ to: '/account', label: t('header.myAccount') }] }]
    : [
        {
          items: [
            // The to-do list is the first page (issue #13); the overview stays one step away.
            {
              to: '/',
              label: t('navigation.tasks'),
              badge: <TaskCountBadge />,
              accessibleName: tasksName,
              permission: 'task.read',
            },
            { to: '/overview', label: t('navigation.overview') },
          ],
        },
        {
          heading: t('navigation.register'),
          items: [
            { to: '/systems', label: t('navigation.systems'), permission: 'system.read' },
            { to: '/my-systems', label: t('navigation.mySystems'), permission: 'system.read' },
            { to: '/compliance', label: t('navigation.compliance'), permission: 'compliance.read' },
            { to: '/projects', label: t('navigation.projects'), permission: 'project.read' },
            { to: '/reviews', label: t('navigation.reviews'), permission: 'review.read' },
            { to: '/change-notices', label: t('navigation.changeNotices'), permission: 'changeNotice.read' },
            { to: '/recertifications', label: t('navigation.recertifications'), permission: 'recertification.read' },
            { to: '/access-rights/leavers', label: t('navigation.leavers'), permission: 'accessRight.read' },
            { to: '/role-templates', label: t('navigation.roleTemplates'), permission: 'roleTemplate.apply' },
            { to: '/imports/register', label: t('navigation.registerImport'), permission: 'imports.register' },
            { to: '/access-rights/import', label: t('navigation.accessRightsImport'), permission: 'accessRight.import' },
            { to: '/training', label: t('navigation.training'), permission: 'training.read' },
            { to: '/documents', label: t('navigation.documents'), permission: 'document.read' },
            { to: '/processing-activities', label: t('navigation.processingRegister'), permission: 'processingActivity.read' },
            { to: '/processing-activities/queue', label: t('navigation.processingQueue'), permission: 'processingActivity.review' },
            { to: '/mailboxes', label: t('navigation.mailboxes'), permission: 'mailbox.read' },
            { to: '/assets', label: t('navigation.assets'), permission: 'asset.read' },
            { to: '/asset-models', label: t('navigation.assetModels'), permission: 'assetModel.read' },
            { to: '/software', label: t('navigation.software'), permission: 'software.read' },
            { to: '/licences', label: t('navigation.licences'), permission: 'licence.read' },
            { to: '/contracts', label: t('navigation.contracts'), permission: 'contract.read' },
            { to: '/incidents', label: t('navigation.incidents'), permission: 'incident.read' },
            { to: '/public', label: t('navigation.publicRegister') },
          ],
        },
        {
          heading: t('navigation.organisation'),
          items: [
            { to: '/departments', label: t('navigation.departments'), permission: 'department.read' },
            { to: '/people', label: t('navigation.people'), permission: 'person.read' },
            { to: '/roles', label: t('navigation.roles'), permission: 'roleAssignment.read' },
            { to: '/imports/people', label: t('navigation.peopleImport'), permission: 'imports.people' },
          ],
        },
        {
          items: [
            { to: '/audit-log', label: t('navigation.auditLog'), permission: 'auditEvent.read' },
            { to: '/api-tokens', label: t('navigation.apiTokens'), permission: 'apiToken.manageOwn' },
            { to: '/api-tokens/municipality', label: t('navigation.municipalityTokens'), permission: 'apiToken.manageAll' },
            { to: '/settings', label: t('navigation.settings'), permission: 'municipality.read' },
          ],
        },
      ];

  const matches = (to: string) => (to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`));
  // The most specific entry is the current page: /api-tokens/municipality is not also "your tokens".
  const current = groups
    .flatMap((group) => group.items)
    .filter((item) => (!item.permission || hasPermission(me, item.permission)) && matches(item.to))
    .sort((a, b) => b.to.length - a.to.length)[0]?.to;

  return (
    <Stack gap="md">
      {groups.map((group, index) => {
        const items = group.items.filter((item) => !item.permission || hasPermission(me, item.permission));
        if (items.length === 0) return null;
        return (
          <Stack gap={2} key={group.heading ?? index}>
            {group.heading && (
              <Text size="xs" fw={700} tt="uppercase" c="gray.7" px="sm" pt="xs" aria-hidden="true">
                {group.heading}
              </Text>
            )}
            {items.map((item) => {
              const active = item.to === current;
              return (
                <NavLink
                  key={item.to}
                  component={Link}
                  to={item.to}
                  label={item.label}
                  rightSection={item.badge}
                  aria-label={item.accessibleName}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                  // The router would also mark /api-tokens current on /api-tokens/municipality; `current` decides.
                  activeOptions={{ exact: true }}
                  variant="filled"
                />
              );
            })}
          </Stack>
        );
      })}
    </Stack>
  );
}
