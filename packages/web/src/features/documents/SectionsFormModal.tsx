import type { DocumentVersion } from '@forvalta/contracts';
import { Alert, Button, Fieldset, Group, Modal, Stack, Text, Textarea, TextInput, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../components/error-messages.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { useVersionedSave } from '../../components/VersionedForm.tsx';
import { loadVersion, saveDraft, versionSavedInvalidates } from './documents.queries.ts';
import { compareSectionCodes, type SectionRow, sectionRowsOf, sectionsBodyOf } from './section-rows.ts';

interface SectionsValues {
  sections: SectionRow[];
}

const valuesOf = (version: DocumentVersion | null): SectionsValues => ({ sections: sectionRowsOf(version?.sections ?? []) });

/**
 * The security guidelines' sections of a draft: added, edited, moved and removed here, saved
 * together in the order shown (a section keeps its identity, so a project's judgement of it still
 * applies to the new version). Moving is by buttons, which a keyboard and a screen reader use as
 * well as a mouse; where the section went is announced.
 */
export function SectionsFormModal({ version, onClose }: { version: DocumentVersion; onClose: () => void }) {
  const { t } = useTranslation('documents');
  const [announcement, setAnnouncement] = useState('');
  const nextKey = useRef(0);
  const form = useForm<SectionsValues>({
    mode: 'controlled',
    initialValues: valuesOf(version),
    validate: {
      sections: {
        code: (value, values) => {
          const code = value.trim();
          if (code === '') return t('sections.codeRequired');
          if (code.length > 20) return t('form.tooLong', { count: 20 });
          return values.sections.filter((section) => section.code.trim() === code).length > 1 ? t('sections.codeTaken') : null;
        },
        title: (value) =>
          value.trim() === '' ? t('sections.titleRequired') : value.trim().length > 200 ? t('form.tooLong', { count: 200 }) : null,
        description: (value) => (value.trim().length > 4000 ? t('form.tooLong', { count: 4000 }) : null),
      },
    },
  });
  const save = useVersionedSave({
    form,
    record: version,
    valuesOf,
    labels: { sections: t('version.sections') },
    load: loadVersion,
    save: (values, editedVersion) => saveDraft(version, { sections: sectionsBodyOf(values.sections) }, editedVersion),
    invalidates: versionSavedInvalidates,
    onSaved: (saved) => {
      notifySuccess(t('sections.saved', { count: saved.sections.length, number: saved.number }));
      onClose();
    },
    fieldMessages: () => ({ sections: t('translation:errors.reasons.guideline_code_taken') }),
  });
  const rows = form.values.sections;
  const nameOf = (row: SectionRow, index: number) =>
    row.code.trim() || row.title.trim() ? `${row.code} ${row.title}`.trim() : String(index + 1);

  // After a move the focus follows the section to its new place (the button, or its other one at an end).
  const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());
  const move = (index: number, offset: -1 | 1) => {
    const target = index + offset;
    const row = rows[index]!;
    form.reorderListItem('sections', { from: index, to: target });
    setAnnouncement(t('sections.moved', { name: nameOf(row, index), position: target + 1, total: rows.length }));
    const edge = target === 0 || target === rows.length - 1;
    focusLater(`section-${row.key}-${edge ? (offset === -1 ? 'down' : 'up') : offset === -1 ? 'up' : 'down'}`);
  };
  const add = () => {
    nextKey.current += 1;
    const key = `new-${nextKey.current}`;
    form.insertListItem('sections', { key, code: '', title: '', description: '' });
    focusLater(`section-${key}-code`);
  };
  const remove = (index: number) => {
    const row = rows[index]!;
    form.removeListItem('sections', index);
    setAnnouncement(t('sections.removed', { name: nameOf(row, index) }));
    focusLater('section-add');
  };
  const sortByCode = () => {
    form.setFieldValue(
      'sections',
      [...rows].sort((a, b) => compareSectionCodes(a.code, b.code)),
    );
    setAnnouncement(t('sections.sorted'));
  };

  return (
    <Modal opened onClose={onClose} size="xl" title={t('sections.title', { number: version.number })}>
      <form onSubmit={save.onSubmit} noValidate>
        <Stack gap="md">
          {save.alerts}
          <Text size="sm">{t('sections.intro')}</Text>
          {typeof form.errors.sections === 'string' && (
            <Alert color="red" variant="light" role="alert">
              <Text size="sm">{form.errors.sections}</Text>
            </Alert>
          )}
          {rows.length === 0 && (
            <Text size="sm" c="gray.7" data-testid="sections-empty">
              {t('sections.empty')}
            </Text>
          )}
          {rows.map((row, index) => (
            <Fieldset
              key={row.key}
              legend={t('sections.legend', { position: index + 1, name: row.title.trim() || t('sections.newSection') })}
              data-testid="section-editor"
            >
              <Stack gap="sm">
                <Group align="flex-start" gap="sm" wrap="wrap">
                  <TextInput
                    id={`section-${row.key}-code`}
                    label={t('version.sectionCode')}
                    required
                    w={110}
                    {...form.getInputProps(`sections.${index}.code`)}
                  />
                  <TextInput
                    label={t('version.sectionTitle')}
                    required
                    style={{ flex: '1 1 220px' }}
                    {...form.getInputProps(`sections.${index}.title`)}
                  />
                </Group>
                <Textarea
                  label={t('version.sectionDescription')}
                  autosize
                  minRows={2}
                  maxRows={8}
                  {...form.getInputProps(`sections.${index}.description`)}
                />
                <Group gap="xs" justify="flex-end" wrap="wrap">
                  <Button
                    id={`section-${row.key}-up`}
                    variant="default"
                    size="compact-sm"
                    disabled={index === 0}
                    aria-label={t('sections.moveUp', { name: nameOf(row, index) })}
                    onClick={() => move(index, -1)}
                  >
                    {t('sections.up')}
                  </Button>
                  <Button
                    id={`section-${row.key}-down`}
                    variant="default"
                    size="compact-sm"
                    disabled={index === rows.length - 1}
                    aria-label={t('sections.moveDown', { name: nameOf(row, index) })}
                    onClick={() => move(index, 1)}
                  >
                    {t('sections.down')}
                  </Button>
                  <Button
                    variant="outline"
                    color="red.8"
                    size="compact-sm"
                    aria-label={t('sections.remove', { name: nameOf(row, index) })}
                    onClick={() => remove(index)}
                  >
                    {t('sections.removeShort')}
                  </Button>
                </Group>
              </Stack>
            </Fieldset>
          ))}
          <Group gap="sm">
            <Button id="section-add" variant="default" onClick={add}>
              {t('sections.add')}
            </Button>
            {rows.length > 1 && (
              <Button variant="subtle" onClick={sortByCode}>
                {t('sections.sortByCode')}
              </Button>
            )}
          </Group>
          <VisuallyHidden role="status" aria-live="polite">
            {announcement}
          </VisuallyHidden>
          <FormActions
            onCancel={onClose}
            cancelLabel={t('draft.cancel')}
            submitLabel={t('sections.save')}
            loading={save.saving}
            disabled={save.stale}
          />
        </Stack>
      </form>
    </Modal>
  );
}
