import {
  ActionIcon,
  Anchor,
  Badge,
  Group,
  Paper,
  Switch,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { flowDescription, flowName, useFlowLanguage } from '../../api/flow-names.ts';
import type { Flow } from '../../api/flow-types.ts';
import { Icon } from '../../ui/icons.tsx';
import classes from './automation.module.css';
import { TriggerList } from './trigger-list.tsx';
import { useFlowSwitch } from './use-flow-switch.ts';

/** The clinic's flows, by priority, each with its switch and a way into its page. */
export function FlowTable({ flows }: { flows: Flow[] }) {
  const { t } = useTranslation();
  const language = useFlowLanguage();
  const toggle = useFlowSwitch();
  return (
    <Paper withBorder radius="lg">
      <Table.ScrollContainer minWidth={820}>
        <Table verticalSpacing="md" horizontalSpacing="md" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>
                <VisuallyHidden>{t('settings.automation.on')}</VisuallyHidden>
              </Table.Th>
              <Table.Th>{t('settings.automation.flow')}</Table.Th>
              <Table.Th w={290}>{t('settings.automation.startsOn')}</Table.Th>
              <Table.Th w={90}>
                <Tooltip label={t('settings.automation.priorityHint')} multiline w={240} withArrow>
                  <span>{t('settings.automation.priority')}</span>
                </Tooltip>
              </Table.Th>
              <Table.Th w={80}>{t('settings.automation.version')}</Table.Th>
              <Table.Th w={56}>
                <VisuallyHidden>{t('settings.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {flows.map((flow) => {
              const name = flowName(flow, language);
              const description = flowDescription(flow, language);
              const to = `/settings/automation/${flow.key}`;
              return (
                <Table.Tr
                  key={flow.key}
                  className={classes.flowRow}
                  data-enabled={flow.enabled}
                  data-testid="flow-row"
                >
                  <Table.Td>
                    <Switch
                      checked={flow.enabled}
                      onChange={(event) => toggle.mutate({ flow, enabled: event.currentTarget.checked })}
                      aria-label={t('settings.automation.turnOn', { name })}
                      size="md"
                    />
                  </Table.Td>
                  <Table.Td className={classes.flowInfo}>
                    <Group gap={8} wrap="nowrap">
                      <Anchor component={Link} to={to} fw={650} c="dark.7">
                        {name}
                      </Anchor>
                      <Badge size="xs" variant="light" color={flow.built_in ? 'gray' : 'blue'}>
                        {flow.built_in ? t('settings.automation.builtIn') : t('settings.automation.custom')}
                      </Badge>
                      {!flow.enabled && (
                        <Badge size="xs" variant="outline" color="gray">
                          {t('settings.automation.off')}
                        </Badge>
                      )}
                    </Group>
                    {description && (
                      <Text size="xs" c="dimmed" mt={4} lineClamp={2} maw={420}>
                        {description}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td className={classes.flowInfo}>
                    <TriggerList triggers={flow.triggers} />
                  </Table.Td>
                  <Table.Td className={classes.flowInfo}>
                    <Text size="sm" ff="monospace">
                      {flow.priority}
                    </Text>
                  </Table.Td>
                  <Table.Td className={classes.flowInfo}>
                    <Badge variant="default" size="sm" radius="sm">
                      {t('settings.automation.versionShort', { version: flow.version })}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Tooltip label={t('settings.automation.open', { name })} withArrow>
                      <ActionIcon
                        component={Link}
                        to={to}
                        variant="subtle"
                        color="gray"
                        aria-label={t('settings.automation.open', { name })}
                      >
                        <Icon name="chevronRight" size={18} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
