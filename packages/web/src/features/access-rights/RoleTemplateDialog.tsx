import type { RoleTemplate } from '@forvalta/contracts';
import { ActionIcon, Button, Group, List, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf, notifyError, notifySuccess } from '../../components/error-messages.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { systemPickerQuery } from '../systems/systems.queries.ts';
import { accessLevelsQuery } from './access-rights.queries.ts';
import { useSaveRoleTemplate } from './role-templates.queries.ts';

type ChosenLevel = RoleTemplate['levels'][number];

/** Choosing a level: first the system (searched, a register has hundreds), then one of its levels. */
function LevelChooser({ chosen, onAdd }: { chosen: readonly ChosenLevel[]; onAdd: (level: ChosenLevel) => void }) {
  const { t } = useTranslation('access');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const systems = useQuery(systemPickerQuery(debounced));
  const [system, setSystem] = useState<{ value: string; label: string } | null>(null);
  const [levelId, setLevelId] = useState<string | null>(null);
  const levels = useQuery({ ...accessLevelsQuery(system?.value ?? ''), enabled: system !== null });
  const found = (systems.data?.items ?? []).map((entry) => ({ value: entry.id, label: entry.name }));
  const systemOptions = system && !found.some((option) => option.value === system.value) ? [system, ...found] : found;
  const levelOptions = (levels.data?.items ?? [])
    .filter((level) => !chosen.some((entry) => entry.levelId === level.id))
    .map((level) => ({ value: level.id, label: level.privileged ? `${level.name} (${t('rights.privileged')})` : level.name }));
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <Select
        label={t('templates.system')}
        searchable
        data={systemOptions}
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options }) => options}
        value={system?.value ?? null}
        onChange={(value) => {
          setSystem(systemOptions.find((option) => option.value === value) ?? null);
          setLevelId(null);
        }}
        nothingFoundMessage={t('templates.noSystems')}
        style={{ flex: '1 1 220px' }}
      />
      <Select
        label={t('templates.level')}
        data={levelOptions}
        value={levelId}
        onChange={setLevelId}
        disabled={system === null}
        nothingFoundMessage={t('grant.noLevels')}
        style={{ flex: '1 1 180px' }}
      />
      <Button
        variant="default"
        disabled={levelId === null}
        onClick={() => {
          const level = levels.data?.items.find((entry) => entry.id === levelId);
          if (!level || !system) return;
          onAdd({
            levelId: level.id,
            levelName: level.name,
            systemId: system.value,
            systemName: system.label,
            privileged: level.privileged,
          });
          setLevelId(null);
        }}
      >
        {t('templates.addLevel')}
      </Button>
    </Group>
  );
}

/** Creating or editing a role template: its name, what it is for, and the levels it bundles. */
export function RoleTemplateDialog({ template, onClose }: { template: RoleTemplate | null; onClose: () => void }) {
  const { t } = useTranslation('access');
  const [name, setName] = useState(template?.name ?? '');
  const [description, setDescription] = useState(template?.description ?? '');
  const [levels, setLevels] = useState<ChosenLevel[]>(template?.levels ?? []);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useSaveRoleTemplate(template, {
    onSuccess: (saved) => {
      notifySuccess(t(template ? 'templates.updated' : 'templates.created', { name: saved.name }));
      onClose();
    },
    onError: (error) => {
      const fields = fieldErrorsOf(error);
      if (Object.keys(fields).length > 0) setErrors(fields);
      else notifyError(error);
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={template ? t('templates.editTitle', { name: template.name }) : t('templates.createTitle')}
      size="lg"
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const missing: Record<string, string> = {};
          if (!name.trim()) missing.name = t('grant.required');
          if (levels.length === 0) missing.levelIds = t('templates.levelsRequired');
          if (Object.keys(missing).length > 0) return setErrors(missing);
          save.mutate({ name: name.trim(), description: description.trim() || null, levelIds: levels.map((level) => level.levelId) });
        }}
      >
        <Stack gap="md">
          <TextInput
            label={t('templates.name')}
            description={t('templates.nameHint')}
            required
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errors.name}
            maxLength={160}
          />
          <Textarea
            label={t('templates.description')}
            description={t('rights.optional')}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            maxLength={2000}
            autosize
            minRows={2}
          />
          <Stack gap={6}>
            <Text fw={600} size="sm" id="template-levels-heading">
              {t('templates.levels')}
            </Text>
            {levels.length === 0 ? (
              <Text size="sm" c={errors.levelIds ? 'red.9' : 'gray.7'} role={errors.levelIds ? 'alert' : undefined}>
                {errors.levelIds ?? t('templates.noLevelsYet')}
              </Text>
            ) : (
              <List listStyleType="none" spacing={4} aria-labelledby="template-levels-heading" data-testid="template-levels">
                {levels.map((level) => (
                  <List.Item key={level.levelId}>
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm">{t('templates.levelInSystem', { level: level.levelName, system: level.systemName })}</Text>
                      <ActionIcon
                        variant="subtle"
                        color="red.9"
                        c="red.9"
                        size="sm"
                        aria-label={t('templates.removeLevel', { level: level.levelName, system: level.systemName })}
                        onClick={() => setLevels((current) => current.filter((entry) => entry.levelId !== level.levelId))}
                      >
                        ×
                      </ActionIcon>
                    </Group>
                  </List.Item>
                ))}
              </List>
            )}
            <LevelChooser
              chosen={levels}
              onAdd={(level) => {
                setLevels((current) => [...current, level]);
                setErrors(({ levelIds: _, ...rest }) => rest);
              }}
            />
          </Stack>
          <FormActions onCancel={onClose} submitLabel={template ? t('templates.save') : t('templates.create')} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
