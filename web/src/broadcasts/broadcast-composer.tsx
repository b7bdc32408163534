import {
  Alert,
  Button,
  Card,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  BROADCAST_LANGUAGES,
  type BroadcastContent,
  type BroadcastLanguage,
  broadcastKeys,
  broadcastsApi,
} from '../api/broadcasts-api.ts';
import { type FormErrors, formErrorsOf, NO_ERRORS } from '../api/form-errors.ts';
import { inboxApi, queryKeys } from '../api/inbox-api.ts';
import type { Template } from '../api/types.ts';
import { languageName } from '../format/language-names.ts';
import { useSignedIn } from '../session/session-context.tsx';
import { StandaloneHeader } from '../session/standalone-header.tsx';
import { Icon } from '../ui/icons.tsx';
import { useNotify } from '../ui/toasts.tsx';
import {
  type ContentDraft,
  contentOf,
  EMPTY_DRAFT,
  inAnHour,
  instantOn,
  PLACEHOLDERS,
  previewOf,
  templatesFor,
  templateVariables,
} from './broadcast-content.ts';
import classes from './broadcasts.module.css';
import { HealthOnlyNotice } from './health-only-notice.tsx';

const FIELDS = ['name', 'group_id', 'content', 'default_language', 'send_at', 'quiet_hours'] as const;
type Field = (typeof FIELDS)[number];

/** Evenings and nights on each patient's own clock: what most clinics keep free of health messages. */
const DEFAULT_QUIET_HOURS = { start: '20:00', end: '08:00' };

/** Writing a broadcast: to which group, what in each language, now or when. */
export function BroadcastComposer() {
  const { t, i18n } = useTranslation();
  const languageLabel = useLanguageLabel();
  const { user } = useSignedIn();
  const zone = user.org.time_zone;
  const navigate = useNavigate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [groupId, setGroupId] = useState<string | null>(null);
  const [defaultLanguage, setDefaultLanguage] = useState<BroadcastLanguage>(
    i18n.resolvedLanguage === 'en' ? 'en' : 'fr',
  );
  const [tab, setTab] = useState<BroadcastLanguage>(defaultLanguage);
  const [drafts, setDrafts] = useState<Record<BroadcastLanguage, ContentDraft>>({
    fr: EMPTY_DRAFT,
    en: EMPTY_DRAFT,
  });
  const [when, setWhen] = useState<'now' | 'later'>('now');
  const [schedule, setSchedule] = useState(() => inAnHour(zone));
  const [quiet, setQuiet] = useState(DEFAULT_QUIET_HOURS);
  const [problems, setProblems] = useState<Partial<Record<Field | 'template', string>>>({});

  const groups = useQuery({ queryKey: broadcastKeys.groups, queryFn: () => broadcastsApi.groups() });
  // A static group counts its members; a dynamic one is counted by its preview, as it stands now.
  const previews = useQueries({
    queries: (groups.data?.data ?? []).map((group) => ({
      queryKey: broadcastKeys.preview(group.id),
      queryFn: () => broadcastsApi.preview(group.id),
      enabled: group.member_count === null,
      staleTime: 60_000,
    })),
  });
  const templates = useQuery({ queryKey: queryKeys.templates, queryFn: inboxApi.templates });
  const approved = templates.data?.data ?? [];

  const create = useMutation({
    mutationFn: broadcastsApi.create,
    onSuccess: (broadcast) => {
      void queryClient.invalidateQueries({ queryKey: broadcastKeys.all });
      notify(t(when === 'now' ? 'broadcasts.composer.sent' : 'broadcasts.composer.scheduled'), 'careline');
      void navigate(`/broadcasts/${broadcast.id}`);
    },
  });
  const serverErrors: FormErrors<Field> = create.error
    ? formErrorsOf<Field>(create.error, FIELDS, t)
    : NO_ERRORS;

  const submit = () => {
    const found: typeof problems = {};
    if (!name.trim()) found.name = t('broadcasts.composer.needsName');
    if (!groupId) found.group_id = t('broadcasts.composer.needsGroup');
    const content: BroadcastContent = {};
    for (const language of BROADCAST_LANGUAGES) {
      const item = contentOf(drafts[language], approved);
      if (item) content[language] = item;
    }
    if (!content[defaultLanguage]) {
      found.content =
        drafts[defaultLanguage].kind === 'template'
          ? t('broadcasts.composer.needsTemplate')
          : t('broadcasts.composer.needsContent');
      setTab(defaultLanguage);
    }
    const sendAt = when === 'later' ? instantOn(schedule.date, schedule.time, zone) : undefined;
    if (when === 'later' && (!sendAt || Date.parse(sendAt) <= Date.now()))
      found.send_at = t('broadcasts.composer.needsWhen');
    if (!quiet.start || !quiet.end || quiet.start === quiet.end)
      found.quiet_hours = t('broadcasts.composer.needsQuietHours');
    setProblems(found);
    if (Object.keys(found).length > 0 || !groupId) return;
    create.mutate({
      name: name.trim(),
      group_id: groupId,
      content,
      default_language: defaultLanguage,
      quiet_hours: quiet,
      ...(sendAt ? { send_at: sendAt } : {}),
    });
  };
  const errorOf = (field: Field) => problems[field] ?? serverErrors.fields[field];

  const groupOptions = (groups.data?.data ?? []).map((group, i) => {
    const count = group.member_count ?? previews[i]?.data?.size;
    const size =
      count !== undefined
        ? t('broadcasts.composer.groupSize', { count })
        : previews[i]?.isError
          ? t('broadcasts.composer.groupSizeUnknown')
          : '…';
    return { value: group.id, label: `${group.name} · ${size}` };
  });
  const update = (language: BroadcastLanguage, change: Partial<ContentDraft>) =>
    setDrafts((all) => ({ ...all, [language]: { ...all[language], ...change } }));

  return (
    <div className={classes.shell}>
      <StandaloneHeader />
      <main className={classes.page}>
        <Button
          component={Link}
          to="/broadcasts"
          variant="subtle"
          size="xs"
          leftSection={<Icon name="arrowLeft" size={14} />}
          mb="sm"
        >
          {t('broadcasts.back')}
        </Button>
        <Title order={1} size="h2" mb="lg">
          {t('broadcasts.composer.title')}
        </Title>
        <Stack gap="lg" maw={760}>
          <HealthOnlyNotice />
          <Card withBorder radius="md" padding="lg">
            <Stack gap="md">
              <TextInput
                label={t('broadcasts.composer.name')}
                description={t('broadcasts.composer.nameHint')}
                placeholder={t('broadcasts.composer.namePlaceholder')}
                value={name}
                maxLength={200}
                onChange={(event) => setName(event.currentTarget.value)}
                error={errorOf('name')}
                required
              />
              <Select
                label={t('broadcasts.composer.group')}
                placeholder={t('broadcasts.composer.groupPlaceholder')}
                data={groupOptions}
                value={groupId}
                onChange={setGroupId}
                searchable
                nothingFoundMessage={t('broadcasts.composer.noGroups')}
                error={errorOf('group_id')}
                required
              />
            </Stack>
          </Card>

          <Card withBorder radius="md" padding="lg">
            <Group justify="space-between" align="flex-end" mb="sm">
              <div>
                <Text fw={600}>{t('broadcasts.composer.content')}</Text>
                <Text size="xs" c="dimmed" maw={440}>
                  {t('broadcasts.composer.contentHint')}
                </Text>
              </div>
              <Stack gap={2}>
                <Text size="xs" fw={500} id="default-language-label">
                  {t('broadcasts.composer.defaultLanguage')}
                </Text>
                <SegmentedControl
                  size="xs"
                  aria-labelledby="default-language-label"
                  value={defaultLanguage}
                  onChange={(value) => setDefaultLanguage(value === 'en' ? 'en' : 'fr')}
                  data={BROADCAST_LANGUAGES.map((language) => ({
                    value: language,
                    label: languageLabel(language),
                  }))}
                />
              </Stack>
            </Group>
            {(problems.content ?? serverErrors.fields.content) && (
              <Text c="red" size="sm" mb="xs" role="alert">
                {problems.content ?? serverErrors.fields.content}
              </Text>
            )}
            <Tabs value={tab} onChange={(value) => setTab(value === 'en' ? 'en' : 'fr')}>
              <Tabs.List>
                {BROADCAST_LANGUAGES.map((language) => (
                  <Tabs.Tab key={language} value={language}>
                    {languageLabel(language)}
                    {language === defaultLanguage ? ' ★' : ''}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              {BROADCAST_LANGUAGES.map((language) => (
                <Tabs.Panel key={language} value={language} pt="md">
                  <ContentEditor
                    language={language}
                    draft={drafts[language]}
                    templates={templatesFor(approved, language)}
                    onChange={(change) => update(language, change)}
                  />
                </Tabs.Panel>
              ))}
            </Tabs>
          </Card>

          <Card withBorder radius="md" padding="lg">
            <Stack gap="sm">
              <Text fw={600} id="when-label">
                {t('broadcasts.composer.when')}
              </Text>
              <SegmentedControl
                aria-labelledby="when-label"
                value={when}
                onChange={(value) => setWhen(value === 'later' ? 'later' : 'now')}
                data={[
                  { value: 'now', label: t('broadcasts.composer.now') },
                  { value: 'later', label: t('broadcasts.composer.later') },
                ]}
                w={320}
              />
              {when === 'later' && (
                <Group gap="sm" align="flex-start">
                  <TextInput
                    type="date"
                    label={t('broadcasts.composer.date')}
                    value={schedule.date}
                    onChange={(event) => setSchedule({ ...schedule, date: event.currentTarget.value })}
                    error={errorOf('send_at')}
                    w={180}
                  />
                  <TextInput
                    type="time"
                    label={t('broadcasts.composer.time')}
                    description={t('broadcasts.composer.zone', { zone })}
                    value={schedule.time}
                    onChange={(event) => setSchedule({ ...schedule, time: event.currentTarget.value })}
                    w={220}
                  />
                </Group>
              )}
              <Group gap="sm" align="flex-start" mt="xs">
                <TextInput
                  type="time"
                  label={t('broadcasts.composer.quietFrom')}
                  value={quiet.start}
                  onChange={(event) => setQuiet({ ...quiet, start: event.currentTarget.value })}
                  error={errorOf('quiet_hours')}
                  w={180}
                />
                <TextInput
                  type="time"
                  label={t('broadcasts.composer.quietUntil')}
                  value={quiet.end}
                  onChange={(event) => setQuiet({ ...quiet, end: event.currentTarget.value })}
                  w={180}
                />
              </Group>
              <Text size="xs" c="dimmed">
                {t('broadcasts.composer.quietHours')}
              </Text>
            </Stack>
          </Card>

          {serverErrors.general && (
            <Alert color="red" icon={<Icon name="alert" size={18} />} role="alert">
              {serverErrors.general}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button component={Link} to="/broadcasts" variant="default">
              {t('broadcasts.composer.cancel')}
            </Button>
            <Button
              onClick={submit}
              loading={create.isPending}
              leftSection={<Icon name={when === 'now' ? 'send' : 'clock'} size={16} />}
            >
              {t(when === 'now' ? 'broadcasts.composer.submitNow' : 'broadcasts.composer.submitLater')}
            </Button>
          </Group>
        </Stack>
      </main>
    </div>
  );
}

function ContentEditor({
  language,
  draft,
  templates,
  onChange,
}: {
  language: BroadcastLanguage;
  draft: ContentDraft;
  templates: Template[];
  onChange(change: Partial<ContentDraft>): void;
}) {
  const { t } = useTranslation();
  const languageLabel = useLanguageLabel();
  const { user } = useSignedIn();
  const textArea = useRef<HTMLTextAreaElement>(null);
  const template = templates.find((candidate) => candidate.id === draft.templateId);
  const variables = templateVariables(template);
  const preview = previewOf(draft, templates, {
    first_name: 'Camille',
    name: 'Camille Martin',
    clinic_name: user.org.name,
  });
  const insert = (placeholder: string) => {
    const area = textArea.current;
    const token = `{{${placeholder}}}`;
    const start = area?.selectionStart ?? draft.text.length;
    const end = area?.selectionEnd ?? draft.text.length;
    onChange({ text: `${draft.text.slice(0, start)}${token}${draft.text.slice(end)}` });
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  return (
    <Stack gap="sm">
      <SegmentedControl
        size="xs"
        w={320}
        aria-label={t('broadcasts.composer.kind')}
        value={draft.kind}
        onChange={(value) => onChange({ kind: value === 'template' ? 'template' : 'text' })}
        data={[
          { value: 'text', label: t('broadcasts.composer.kindText') },
          { value: 'template', label: t('broadcasts.composer.kindTemplate') },
        ]}
      />
      {draft.kind === 'text' ? (
        <>
          <Textarea
            ref={textArea}
            label={`${t('broadcasts.composer.text')} (${languageLabel(language)})`}
            placeholder={t('broadcasts.composer.textPlaceholder', { placeholder: '{{first_name}}' })}
            autosize
            minRows={4}
            maxLength={4096}
            value={draft.text}
            onChange={(event) => onChange({ text: event.currentTarget.value })}
          />
          <Group gap={6}>
            <Text size="xs" c="dimmed">
              {t('broadcasts.composer.placeholders')}
            </Text>
            {PLACEHOLDERS.map((placeholder) => (
              <Button key={placeholder} size="compact-xs" variant="light" onClick={() => insert(placeholder)}>
                {t(`broadcasts.composer.placeholder.${placeholder}`)}
              </Button>
            ))}
          </Group>
          <Text size="xs" c="dimmed">
            {t('broadcasts.composer.textWindow')}
          </Text>
        </>
      ) : (
        <>
          <Select
            label={`${t('broadcasts.composer.template')} (${languageLabel(language)})`}
            placeholder={t('broadcasts.composer.templatePlaceholder')}
            data={templates.map((candidate) => ({
              value: candidate.id,
              label: `${candidate.name} · ${candidate.language}`,
            }))}
            value={draft.templateId}
            onChange={(value) => onChange({ templateId: value, parameters: [] })}
            nothingFoundMessage={t('broadcasts.composer.noTemplates')}
            searchable
          />
          {templates.length === 0 && (
            <Text size="xs" c="dimmed">
              {t('broadcasts.composer.noTemplates')}
            </Text>
          )}
          {variables.map((variable, i) => (
            <TextInput
              key={variable}
              label={t('broadcasts.composer.parameter', { name: `{{${variable}}}` })}
              description={t('broadcasts.composer.parameterHint', { placeholder: '{{first_name}}' })}
              value={draft.parameters[i] ?? ''}
              onChange={(event) => {
                const parameters = [...draft.parameters];
                parameters[i] = event.currentTarget.value;
                onChange({ parameters });
              }}
            />
          ))}
        </>
      )}
      <div>
        <Text size="xs" fw={500} mb={4}>
          {t('broadcasts.composer.preview')}
        </Text>
        {preview.trim() ? (
          <div className={classes.preview} data-testid={`preview-${language}`}>
            {preview}
          </div>
        ) : (
          <Text size="sm" c="dimmed">
            {t('broadcasts.composer.empty')}
          </Text>
        )}
      </div>
    </Stack>
  );
}

/** "Français", "English" in the interface language, capitalised for tabs and labels. */
function useLanguageLabel(): (language: BroadcastLanguage) => string {
  const { i18n } = useTranslation();
  return (language) => {
    const label = languageName(language, i18n.resolvedLanguage ?? 'en');
    return label.charAt(0).toLocaleUpperCase() + label.slice(1);
  };
}
