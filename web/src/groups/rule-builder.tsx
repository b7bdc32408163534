import {
  ActionIcon,
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SegmentDefinition, SegmentLeafRule, SegmentRule } from '../api/groups-api.ts';
import { schedulingApi, schedulingKeys } from '../api/scheduling-api.ts';
import { languageName } from '../format/language-names.ts';
import { CHANNEL_NAMES } from '../ui/channel-icon.tsx';
import { Icon } from '../ui/icons.tsx';
import classes from './groups-page.module.css';

const LEAF_TYPES = [
  'tag',
  'custom_field',
  'age',
  'language',
  'channel',
  'appointment',
  'no_show',
  'intake_complaint',
] as const satisfies readonly SegmentLeafRule['type'][];
const LANGUAGES = ['fr', 'en', 'es', 'de', 'it', 'pt', 'ar', 'tr', 'ru', 'zh', 'nl', 'pl', 'ro', 'uk'];
const WINDOWS = ['next_7_days', 'this_week', 'next_week', 'next_30_days', 'dates'] as const;
/** Select values are strings: this one stands for "any". */
const ANY = 'any';

/** A new rule of a type, with what makes it complete left for the person to fill in. */
export function newRule(type: SegmentLeafRule['type']): SegmentLeafRule {
  switch (type) {
    case 'tag':
      return { type, op: 'has', tag: '' };
    case 'custom_field':
      return { type, key: '', op: 'equals', value: '' };
    case 'age':
      return { type, min: 65 };
    case 'language':
      return { type, language: 'fr' };
    case 'channel':
      return { type, channel: 'whatsapp' };
    case 'appointment':
      return { type, window: 'next_week' };
    case 'no_show':
      return { type, months: 3 };
    case 'intake_complaint':
      return { type, contains: '' };
  }
}

/** Whether the rules can be sent as they are (the server checks everything again). */
export function definitionComplete(definition: SegmentDefinition): boolean {
  const leafComplete = (rule: SegmentLeafRule): boolean => {
    switch (rule.type) {
      case 'tag':
        return rule.tag.trim() !== '';
      case 'custom_field':
        return rule.key.trim() !== '' && (rule.op === 'is_set' || (rule.value ?? '').trim() !== '');
      case 'age':
        return (rule.min !== undefined || rule.max !== undefined) && (rule.min ?? 0) <= (rule.max ?? 130);
      case 'appointment':
        return rule.window !== 'dates' || (!!rule.from && !!rule.to && rule.from <= rule.to);
      case 'intake_complaint':
        return rule.contains.trim() !== '';
      default:
        return true;
    }
  };
  return (
    definition.rules.length > 0 &&
    definition.rules.every((rule) =>
      rule.type === 'group' ? rule.rules.length > 0 && rule.rules.every(leafComplete) : leafComplete(rule),
    )
  );
}

/** The rules of a dynamic group: all / any, rules one under the other, one level of nested groups. */
export function RuleBuilder({
  definition,
  onChange,
}: {
  definition: SegmentDefinition;
  onChange: (definition: SegmentDefinition) => void;
}) {
  const { t } = useTranslation();
  const setRule = (index: number, rule: SegmentRule) =>
    onChange({ ...definition, rules: definition.rules.map((r, i) => (i === index ? rule : r)) });
  const removeRule = (index: number) =>
    onChange({ ...definition, rules: definition.rules.filter((_, i) => i !== index) });
  return (
    <Stack gap="sm">
      <MatchControl value={definition.match} onChange={(match) => onChange({ ...definition, match })} />
      {definition.rules.map((rule, index) =>
        rule.type === 'group' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: rules have no id; their place is who they are
          <Paper key={index} withBorder radius="md" p="sm" className={classes.nested}>
            <Group justify="space-between" mb="xs">
              <Text size="sm" fw={600}>
                {t('groups.rules.nested')}
              </Text>
              <RemoveButton onClick={() => removeRule(index)} />
            </Group>
            <Stack gap="xs">
              <MatchControl value={rule.match} onChange={(match) => setRule(index, { ...rule, match })} />
              {rule.rules.map((leaf, inner) => (
                <LeafRow
                  // biome-ignore lint/suspicious/noArrayIndexKey: as above
                  key={inner}
                  rule={leaf}
                  onChange={(next) =>
                    setRule(index, { ...rule, rules: rule.rules.map((r, i) => (i === inner ? next : r)) })
                  }
                  onRemove={() => {
                    const rules = rule.rules.filter((_, i) => i !== inner);
                    if (rules.length === 0) removeRule(index);
                    else setRule(index, { ...rule, rules });
                  }}
                />
              ))}
              <Button
                variant="subtle"
                size="xs"
                leftSection={<Icon name="plus" size={14} />}
                onClick={() => setRule(index, { ...rule, rules: [...rule.rules, newRule('tag')] })}
                w="fit-content"
              >
                {t('groups.rules.add')}
              </Button>
            </Stack>
          </Paper>
        ) : (
          <LeafRow
            // biome-ignore lint/suspicious/noArrayIndexKey: as above
            key={index}
            rule={rule}
            onChange={(next) => setRule(index, next)}
            onRemove={() => removeRule(index)}
          />
        ),
      )}
      <Group gap="xs">
        <Button
          variant="light"
          size="xs"
          leftSection={<Icon name="plus" size={14} />}
          onClick={() => onChange({ ...definition, rules: [...definition.rules, newRule('tag')] })}
        >
          {t('groups.rules.add')}
        </Button>
        <Button
          variant="subtle"
          size="xs"
          leftSection={<Icon name="branch" size={14} />}
          onClick={() =>
            onChange({
              ...definition,
              rules: [...definition.rules, { type: 'group', match: 'any', rules: [newRule('tag')] }],
            })
          }
        >
          {t('groups.rules.addGroup')}
        </Button>
      </Group>
    </Stack>
  );
}

function MatchControl({
  value,
  onChange,
}: {
  value: 'all' | 'any';
  onChange: (value: 'all' | 'any') => void;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      <Text size="sm" c="dimmed">
        {t('groups.rules.matchHint')}
      </Text>
      <SegmentedControl
        size="xs"
        value={value}
        onChange={(next) => onChange(next === 'any' ? 'any' : 'all')}
        data={[
          { value: 'all', label: t('groups.rules.matchAll') },
          { value: 'any', label: t('groups.rules.matchAny') },
        ]}
      />
    </Group>
  );
}

function RemoveButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('groups.rules.remove')} withArrow>
      <ActionIcon variant="subtle" color="gray" onClick={onClick} aria-label={t('groups.rules.remove')}>
        <Icon name="x" size={16} />
      </ActionIcon>
    </Tooltip>
  );
}

/** One rule: its type, then what it needs. */
function LeafRow({
  rule,
  onChange,
  onRemove,
}: {
  rule: SegmentLeafRule;
  onChange: (rule: SegmentLeafRule) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="xs" className={classes.rule} data-rule={rule.type}>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <Select
          label={t('groups.rules.type')}
          size="xs"
          w={190}
          allowDeselect={false}
          value={rule.type}
          onChange={(type) => type && onChange(newRule(type as SegmentLeafRule['type']))}
          data={LEAF_TYPES.map((type) => ({ value: type, label: t(`groups.rules.types.${type}`) }))}
        />
        <Group gap="xs" align="flex-end" style={{ flex: 1 }}>
          <RuleFields rule={rule} onChange={onChange} />
        </Group>
        <RemoveButton onClick={onRemove} />
      </Group>
    </Paper>
  );
}

function RuleFields({
  rule,
  onChange,
}: {
  rule: SegmentLeafRule;
  onChange: (rule: SegmentLeafRule) => void;
}) {
  const { t, i18n } = useTranslation();
  const practitioners = useQuery({
    queryKey: schedulingKeys.practitioners,
    queryFn: schedulingApi.practitioners,
    enabled: rule.type === 'appointment',
  });
  const types = useQuery({
    queryKey: schedulingKeys.types,
    queryFn: schedulingApi.appointmentTypes,
    enabled: rule.type === 'appointment',
  });
  const months = (value: number | string) => (typeof value === 'number' ? value : undefined);
  switch (rule.type) {
    case 'tag':
      return (
        <>
          <Select
            size="xs"
            w={110}
            label=" "
            allowDeselect={false}
            value={rule.op}
            onChange={(op) => onChange({ ...rule, op: op === 'has_not' ? 'has_not' : 'has' })}
            data={[
              { value: 'has', label: t('groups.rules.has') },
              { value: 'has_not', label: t('groups.rules.has_not') },
            ]}
          />
          <TextInput
            size="xs"
            label={t('groups.rules.tag')}
            placeholder="diabète"
            value={rule.tag}
            onChange={(e) => onChange({ ...rule, tag: e.currentTarget.value })}
            style={{ flex: 1 }}
          />
        </>
      );
    case 'custom_field':
      return (
        <>
          <TextInput
            size="xs"
            label={t('groups.rules.field')}
            placeholder="mutuelle"
            value={rule.key}
            onChange={(e) => onChange({ ...rule, key: e.currentTarget.value })}
            w={140}
          />
          <Select
            size="xs"
            w={130}
            label=" "
            allowDeselect={false}
            value={rule.op}
            onChange={(op) => {
              const next = (op ?? 'equals') as 'equals' | 'contains' | 'is_set';
              if (next === 'is_set') onChange({ type: 'custom_field', key: rule.key, op: next });
              else onChange({ ...rule, op: next, value: rule.value ?? '' });
            }}
            data={(['equals', 'contains', 'is_set'] as const).map((op) => ({
              value: op,
              label: t(`groups.rules.${op}`),
            }))}
          />
          {rule.op !== 'is_set' && (
            <TextInput
              size="xs"
              label={t('groups.rules.value')}
              value={rule.value ?? ''}
              onChange={(e) => onChange({ ...rule, value: e.currentTarget.value })}
              style={{ flex: 1 }}
            />
          )}
        </>
      );
    case 'age':
      return (
        <>
          <NumberInput
            size="xs"
            w={110}
            label={t('groups.rules.minAge')}
            min={0}
            max={130}
            value={rule.min ?? ''}
            onChange={(value) => {
              const { min: _min, ...rest } = rule;
              onChange(typeof value === 'number' ? { ...rest, min: value } : rest);
            }}
          />
          <NumberInput
            size="xs"
            w={110}
            label={t('groups.rules.maxAge')}
            min={0}
            max={130}
            value={rule.max ?? ''}
            onChange={(value) => {
              const { max: _max, ...rest } = rule;
              onChange(typeof value === 'number' ? { ...rest, max: value } : rest);
            }}
          />
        </>
      );
    case 'language':
      return (
        <Select
          size="xs"
          w={200}
          label={t('groups.rules.language')}
          allowDeselect={false}
          searchable
          value={rule.language}
          onChange={(language) => language && onChange({ ...rule, language })}
          data={LANGUAGES.map((code) => ({ value: code, label: languageName(code, i18n.language) }))}
        />
      );
    case 'channel':
      return (
        <Select
          size="xs"
          w={200}
          label={t('groups.rules.channel')}
          allowDeselect={false}
          value={rule.channel}
          onChange={(channel) => channel && onChange({ ...rule, channel: channel as typeof rule.channel })}
          data={Object.entries(CHANNEL_NAMES).map(([value, label]) => ({ value, label }))}
        />
      );
    case 'appointment':
      return (
        <>
          <Select
            size="xs"
            w={180}
            label={t('groups.rules.practitioner')}
            allowDeselect={false}
            value={rule.practitioner_id ?? ANY}
            onChange={(value) => {
              const { practitioner_id: _p, ...rest } = rule;
              onChange(value && value !== ANY ? { ...rest, practitioner_id: value } : rest);
            }}
            data={[
              { value: ANY, label: t('groups.rules.anyPractitioner') },
              ...(practitioners.data?.data ?? []).map((p) => ({ value: p.id, label: p.name })),
            ]}
          />
          <Select
            size="xs"
            w={160}
            label={t('groups.rules.appointmentType')}
            allowDeselect={false}
            value={rule.appointment_type_id ?? ANY}
            onChange={(value) => {
              const { appointment_type_id: _t, ...rest } = rule;
              onChange(value && value !== ANY ? { ...rest, appointment_type_id: value } : rest);
            }}
            data={[
              { value: ANY, label: t('groups.rules.anyType') },
              ...(types.data?.data ?? []).map((type) => ({
                value: type.id,
                label: i18n.language.startsWith('fr') ? type.name.fr : type.name.en,
              })),
            ]}
          />
          <Select
            size="xs"
            w={190}
            label={t('groups.rules.window')}
            allowDeselect={false}
            value={rule.window}
            onChange={(value) => {
              const { from: _f, to: _to, ...rest } = rule;
              const window = (value ?? 'next_week') as (typeof WINDOWS)[number];
              onChange(window === 'dates' ? { ...rest, window, from: '', to: '' } : { ...rest, window });
            }}
            data={WINDOWS.map((w) => ({ value: w, label: t(`groups.rules.windows.${w}`) }))}
          />
          {rule.window === 'dates' && (
            <>
              <TextInput
                size="xs"
                type="date"
                w={140}
                label={t('groups.rules.from')}
                value={rule.from ?? ''}
                onChange={(e) => onChange({ ...rule, from: e.currentTarget.value })}
              />
              <TextInput
                size="xs"
                type="date"
                w={140}
                label={t('groups.rules.to')}
                value={rule.to ?? ''}
                onChange={(e) => onChange({ ...rule, to: e.currentTarget.value })}
              />
            </>
          )}
        </>
      );
    case 'no_show':
      return (
        <NumberInput
          size="xs"
          w={160}
          label={t('groups.rules.months')}
          min={1}
          max={60}
          value={rule.months}
          onChange={(value) => onChange({ ...rule, months: months(value) ?? 1 })}
        />
      );
    case 'intake_complaint':
      return (
        <>
          <TextInput
            size="xs"
            label={t('groups.rules.complaint')}
            placeholder={t('groups.rules.complaintPlaceholder')}
            value={rule.contains}
            onChange={(e) => onChange({ ...rule, contains: e.currentTarget.value })}
            style={{ flex: 1 }}
          />
          <NumberInput
            size="xs"
            w={150}
            label={t('groups.rules.months')}
            placeholder={t('groups.rules.anyTime')}
            min={1}
            max={60}
            value={rule.months ?? ''}
            onChange={(value) => {
              const { months: _m, ...rest } = rule;
              onChange(typeof value === 'number' ? { ...rest, months: value } : rest);
            }}
          />
        </>
      );
  }
}
