import { Alert, Button, Divider, Group, NumberInput, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { flowName, useFlowLanguage } from '../../api/flow-names.ts';
import {
  EVENT_TRIGGERS,
  type Flow,
  type FlowSettingsPatch,
  PRIORITY_MAX,
  PRIORITY_MIN,
} from '../../api/flow-types.ts';
import { flowsApi } from '../../api/flows-api.ts';
import { type FormErrors, formErrorsOf, NO_ERRORS, withoutField } from '../../api/form-errors.ts';
import { Icon } from '../../ui/icons.tsx';
import { useNotify } from '../../ui/toasts.tsx';
import { KeywordTriggerEditor } from './keyword-trigger-editor.tsx';
import { changesTriggers, type TriggerDraft, triggerDraftOf, triggersOfDraft } from './trigger-draft.ts';
import { useStoreFlow } from './use-flow-cache.ts';

type Field = 'triggers' | 'priority' | 'once_per_contact';
const FIELDS: readonly Field[] = ['triggers', 'priority', 'once_per_contact'];

/** What starts a flow (events, keywords), its priority among others, and whether it runs once per patient. */
export function FlowSettingsForm({ flow }: { flow: Flow }) {
  const { t } = useTranslation();
  const language = useFlowLanguage();
  const notify = useNotify();
  const storeFlow = useStoreFlow();
  const [draft, setDraft] = useState<TriggerDraft>(() => triggerDraftOf(flow.triggers));
  const [priority, setPriority] = useState<number | string>(flow.priority);
  const [once, setOnce] = useState(flow.once_per_contact);
  const [errors, setErrors] = useState<FormErrors<Field>>(NO_ERRORS);

  const reset = () => {
    setDraft(triggerDraftOf(flow.triggers));
    setPriority(flow.priority);
    setOnce(flow.once_per_contact);
    setErrors(NO_ERRORS);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: the form starts over when the saved flow changes
  useEffect(reset, [flow.key, flow.updated_at]);

  const save = useMutation({
    mutationFn: (patch: FlowSettingsPatch) => flowsApi.change(flow.key, patch),
    onSuccess: (saved) => {
      storeFlow(saved);
      notify(t('settings.automation.form.saved', { name: flowName(saved, language) }), 'careline');
    },
    onError: (error) => setErrors(formErrorsOf(error, FIELDS, t)),
  });

  const triggersChanged = changesTriggers(draft, flow.triggers);
  const dirty = triggersChanged || priority !== flow.priority || once !== flow.once_per_contact;

  const submit = () => {
    const value = typeof priority === 'number' ? priority : Number.NaN;
    if (!Number.isInteger(value) || value < PRIORITY_MIN || value > PRIORITY_MAX) {
      setErrors({
        fields: {
          priority: t('settings.automation.form.priorityRule', { min: PRIORITY_MIN, max: PRIORITY_MAX }),
        },
        general: null,
      });
      return;
    }
    save.mutate({
      ...(triggersChanged ? { triggers: triggersOfDraft(draft) } : {}),
      ...(value !== flow.priority ? { priority: value } : {}),
      ...(once !== flow.once_per_contact ? { once_per_contact: once } : {}),
    });
  };

  const apiToo = draft.kept.some((trigger) => trigger.kind === 'api');
  const flowToo = draft.kept.some((trigger) => trigger.kind === 'flow');
  const startsAlone = draft.events.length > 0 || draft.keywords.length > 0;

  return (
    <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="flow-settings-title">
      <Title order={2} size="h4" id="flow-settings-title">
        {t('settings.automation.form.title')}
      </Title>
      <Stack gap={10} mt="md">
        {EVENT_TRIGGERS.map((kind) => (
          <Switch
            key={kind}
            label={t(`settings.automation.triggers.${kind}`)}
            checked={draft.events.includes(kind)}
            onChange={(event) => {
              const on = event.currentTarget.checked;
              setDraft((old) => ({
                ...old,
                events: on ? [...old.events, kind] : old.events.filter((k) => k !== kind),
              }));
              setErrors((all) => withoutField(all, 'triggers'));
            }}
          />
        ))}
      </Stack>

      <Divider my="md" label={t('settings.automation.form.keywords')} labelPosition="left" />
      <Text size="xs" c="dimmed" mb="xs">
        {t('settings.automation.form.keywordsHint')}
      </Text>
      <Stack gap="sm">
        {draft.keywords.map((keyword, index) => (
          <KeywordTriggerEditor
            // biome-ignore lint/suspicious/noArrayIndexKey: keyword blocks have no id; each is edited in place
            key={index}
            keyword={keyword}
            onChange={(changed) =>
              setDraft((old) => ({
                ...old,
                keywords: old.keywords.map((k, i) => (i === index ? changed : k)),
              }))
            }
            onRemove={() =>
              setDraft((old) => ({ ...old, keywords: old.keywords.filter((_, i) => i !== index) }))
            }
          />
        ))}
        <Button
          variant="light"
          size="xs"
          w="fit-content"
          leftSection={<Icon name="plus" size={14} />}
          onClick={() =>
            setDraft((old) => ({ ...old, keywords: [...old.keywords, { match: 'exact', fr: [], en: [] }] }))
          }
        >
          {t('settings.automation.form.addKeywords')}
        </Button>
      </Stack>
      {(apiToo || flowToo || !startsAlone) && (
        <Stack gap={2} mt="sm">
          {!startsAlone && (
            <Text size="xs" c="orange.8">
              {t('settings.automation.form.nothingStarts')}
            </Text>
          )}
          {apiToo && (
            <Text size="xs" c="dimmed">
              {t('settings.automation.form.alsoApi')}
            </Text>
          )}
          {flowToo && (
            <Text size="xs" c="dimmed">
              {t('settings.automation.form.alsoFlow')}
            </Text>
          )}
        </Stack>
      )}
      {errors.fields.triggers && (
        <Text size="xs" c="red.8" mt="xs" role="alert">
          {errors.fields.triggers}
        </Text>
      )}

      <Divider my="md" />
      <NumberInput
        label={t('settings.automation.form.priority')}
        description={t('settings.automation.priorityHint')}
        value={priority}
        onChange={(value) => {
          setPriority(value);
          setErrors((all) => withoutField(all, 'priority'));
        }}
        min={PRIORITY_MIN}
        max={PRIORITY_MAX}
        allowDecimal={false}
        allowNegative={false}
        error={errors.fields.priority}
        hideControls
        styles={{ input: { maxWidth: 140 } }}
      />
      <Switch
        mt="md"
        label={t('settings.automation.form.oncePerContact')}
        description={t('settings.automation.form.oncePerContactHint')}
        checked={once}
        onChange={(event) => setOnce(event.currentTarget.checked)}
        error={errors.fields.once_per_contact}
      />
      {errors.general && (
        <Alert color="red" variant="light" icon={<Icon name="alert" />} role="alert" mt="md">
          {errors.general}
        </Alert>
      )}
      <Group justify="flex-end" gap="sm" mt="lg">
        {dirty && (
          <Button variant="default" onClick={reset}>
            {t('settings.automation.form.undo')}
          </Button>
        )}
        <Button onClick={submit} disabled={!dirty} loading={save.isPending}>
          {t('settings.automation.form.save')}
        </Button>
      </Group>
    </Paper>
  );
}
